import { describe, expect, it } from 'vitest';
import { wordHash, wordHashes, words } from '../../../src/domain/attribution/text-hashing.js';

/** What a verdict names must be what attribution scored: both readers see the same words. */
function hashed(text: string, limit = 10_000): number[] {
  const out = new Uint32Array(1024);
  return Array.from(out.subarray(0, wordHashes(text, limit, out)));
}

describe('domain/attribution/text-hashing', () => {
  it('reads the words the vocabulary names, in any script, skipping function words and numbers', () => {
    const texts = [
      'Drop support for Android 4.4 in the Q3 release',
      'ÉCRAN de connexion: le bouton « Valider » reste grisé',
      'Ünïcödé ÀÉÎ naïve façade',
      '支付 页面 的 按钮 无法 点击',
      'Rocket 🚀 launch — “pricing” tiers… next',
      'Кнопка оплаты не работает на iOS 17',
      'مرحبا بالعالم pricing',
    ];
    for (const text of texts) expect(hashed(text)).toEqual(words(text, 10_000).map(wordHash));
    expect(words('Drop support for Android 4.4 in the Q3 release', 10_000)).toEqual(['drop', 'support', 'android', 'q3', 'release']);
    expect(words('ÉCRAN grisé', 10_000)).toEqual(['écran', 'grisé']);
  });

  it('reads only up to the limit, even when it cuts a character outside the BMP in two', () => {
    const text = 'launch plan 🚀🚀 and more words';
    for (const limit of [5, 11, 13, 14, 15, 16, 40]) expect(hashed(text, limit)).toEqual(words(text, limit).map(wordHash));
    expect(words(text, 11)).toEqual(['launch', 'plan']);
  });

  it('reads a lone surrogate as U+FFFD in both readers', () => {
    const text = `broken \ud83d text and \udc4d here x\ud83dy`;
    expect(hashed(text)).toEqual(words(text, 10_000).map(wordHash));
    expect(words(text, 10_000)).toContain('x\ufffdy');
  });

  it('stops at the size of the buffer it writes into', () => {
    const out = new Uint32Array(3);
    expect(wordHashes('alpha beta gamma delta epsilon', 1000, out)).toBe(3);
    expect(Array.from(out)).toEqual(['alpha', 'beta', 'gamma'].map(wordHash));
  });
});
