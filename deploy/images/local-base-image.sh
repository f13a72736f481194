#!/usr/bin/env bash
# Builds a JVM base image from this machine's own JDK 17 and pushes it to a registry on 127.0.0.1:5000,
# for machines that can pull no base image (no Docker Hub / Red Hat registry reachable). Needs the Debian
# packages docker-registry, umoci and skopeo. Production builds use the UBI base of the navswap-image
# profile instead; this is for building (and inspecting) the images offline.
set -euo pipefail
registry=${NAVSWAP_LOCAL_REGISTRY:-127.0.0.1:5000}
jdk=${JAVA_HOME_17:-/usr/lib/jvm/java-17-openjdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! curl -sf "http://$registry/v2/" >/dev/null; then
  mkdir -p "$work/registry"
  cat > "$work/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: ${NAVSWAP_REGISTRY_DATA:-/tmp/navswap-registry}
http:
  addr: $registry
YML
  cp "$work/registry.yml" /tmp/navswap-registry.yml
  nohup docker-registry serve /tmp/navswap-registry.yml >/tmp/navswap-registry.log 2>&1 &
  for _ in $(seq 1 50); do curl -sf "http://$registry/v2/" >/dev/null && break; sleep 0.1; done
fi

umoci init --layout "$work/oci"
umoci new --image "$work/oci:jre17"
umoci unpack --image "$work/oci:jre17" "$work/bundle" >/dev/null
rootfs="$work/bundle/rootfs"
mkdir -p "$rootfs/usr/lib/jvm" "$rootfs/tmp" "$rootfs/etc" "$rootfs/lib64"
cp -a "$jdk" "$rootfs/usr/lib/jvm/"
cp -aL /etc/java-17-openjdk "$rootfs/etc/" 2>/dev/null || true
# The shared libraries the JVM links against, and the dynamic loader.
ldd "$jdk/bin/java" "$jdk"/lib/server/libjvm.so "$jdk"/lib/*.so 2>/dev/null \
  | grep -oE '=> /[^ ]+|^\s*/[^ ]+ \(' | grep -oE '/[^ (]+' | sort -u | while read -r lib; do
    mkdir -p "$rootfs$(dirname "$lib")"; cp -aL "$lib" "$rootfs$lib"; done
cp -aL /lib64/ld-linux-x86-64.so.2 "$rootfs/lib64/"
echo "jboss:x:185:185::/home/jboss:/sbin/nologin" > "$rootfs/etc/passwd"
chmod 1777 "$rootfs/tmp"
umoci repack --image "$work/oci:jre17" "$work/bundle"
umoci config --image "$work/oci:jre17" --config.user 185 \
  --config.env "PATH=$jdk/bin:/usr/bin:/bin" --config.env "JAVA_HOME=$jdk"
skopeo copy -q --dest-tls-verify=false "oci:$work/oci:jre17" "docker://$registry/navswap/jre17:local"
echo "base image: $registry/navswap/jre17:local"
