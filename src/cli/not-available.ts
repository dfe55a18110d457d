/** Thrown by commands whose feature is not built yet; exits 1 with the message. */
export function notAvailableYet(command: string): never {
  throw new Error(`'${command}' is not available yet in this version of who-owns.`);
}
