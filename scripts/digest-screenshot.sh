#!/bin/sh
# Regenerates docs/digest.png: the sample team's weekly digest, rendered like the Slack message.
# Needs Debian's chromium (apt-get install -y chromium). Usage: npm run docs:screenshot [team]
set -eu
team="${1:-payments}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node bin/who-owns.js digest --team "$team" --dry-run --sample --format html --output "$work/digest.html"
"${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --hide-scrollbars --force-device-scale-factor=1 --window-size=800,1070 \
  --screenshot="$work/digest.png" "file://$work/digest.html" 2>/dev/null
mkdir -p docs
cp "$work/digest.png" docs/digest.png
echo "Wrote docs/digest.png"
