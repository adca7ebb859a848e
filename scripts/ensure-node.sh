#!/usr/bin/env bash
# Source this file: puts Node 24 first on PATH. Where the system Node is older, Node 24 comes
# from the npm package node-linux-<arch> (the registry is the one thing every machine reaches)
# into the git-ignored .tools/ folder, once.
NODE_WANTED_MAJOR=24
NODE_PINNED_VERSION=24.21.0

bulwark_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(bulwark_node_major)" != "$NODE_WANTED_MAJOR" ]; then
  case "$(uname -m)" in
    x86_64) bulwark_node_arch=x64 ;;
    aarch64 | arm64) bulwark_node_arch=arm64 ;;
    *) echo "ensure-node: no Node $NODE_WANTED_MAJOR package for $(uname -m); install Node $NODE_WANTED_MAJOR yourself" >&2; return 1 ;;
  esac
  bulwark_tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools"
  bulwark_node_dir="$bulwark_tools/node-v$NODE_PINNED_VERSION"
  if [ ! -x "$bulwark_node_dir/bin/node" ]; then
    echo "ensure-node: provisioning Node $NODE_PINNED_VERSION into .tools/ (system node is $(node -v 2>/dev/null || echo absent))"
    bulwark_tmp="$(mktemp -d)"
    (cd "$bulwark_tmp" && npm pack "node-linux-$bulwark_node_arch@$NODE_PINNED_VERSION" --silent >/dev/null) || { rm -rf "$bulwark_tmp"; return 1; }
    mkdir -p "$bulwark_node_dir"
    tar xzf "$bulwark_tmp"/node-linux-*.tgz -C "$bulwark_node_dir" --strip-components=1 package/bin/node
    rm -rf "$bulwark_tmp"
  fi
  export PATH="$bulwark_node_dir/bin:$PATH"
fi
echo "ensure-node: using node $(node -v) at $(command -v node)"
