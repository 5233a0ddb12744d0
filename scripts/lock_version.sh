# Sourced by scripts/setup.sh and scripts/post_build.sh: the version Cargo.lock pins for a crate.
#   lock_version <crate> [Cargo.lock]   (the lock file defaults to ./Cargo.lock)
lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { hit = 1; next }
    hit && /^version = / { gsub(/version = |"/, ""); print; exit }
    /^\[\[package\]\]/ { hit = 0 }' "${2:-Cargo.lock}"
}
