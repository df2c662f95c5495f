#!/usr/bin/env bash
# Builds the libFuzzer target over decode + parse into .build-fuzz/peel-fuzz.
# The modules are compiled here with swiftc, instrumented (-sanitize=fuzzer,address), so the package's own
# build stays free of sanitizer flags. Needs the package resolved once (swift build) for CSV.swift's sources.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/.build-fuzz
mkdir -p "$out"
cd "$out"
[ -d "$root/.build/checkouts/CSV.swift" ] || (cd "$root" && swift package resolve)
# -I Sources/CVectorMask: PeelText's header-only C shim (its module map), as SwiftPM passes it to the package build.
flags=(-O -sanitize=fuzzer,address -parse-as-library -I "$out" -I "$root/Sources/CVectorMask" -L "$out")
compile() {  # module name, sources…
    local module=$1; shift
    swiftc "${flags[@]}" -module-name "$module" -emit-module -emit-library -static -o "lib$module.a" "$@"
}
compile CSV "$root"/.build/checkouts/CSV.swift/Sources/CSV/*.swift
compile PeelText "$root"/Sources/PeelText/*.swift
compile PeelLayout -lPeelText "$root"/Sources/PeelLayout/*.swift
compile PeelSearch "$root"/Sources/PeelSearch/*.swift
# PeelReport's sources include its folder of report layouts.
mapfile -t report < <(find "$root/Sources/PeelReport" -name '*.swift' | sort)
compile PeelReport -lCSV -lPeelText -lPeelLayout -lPeelSearch "${report[@]}"
# The force registry, embedded as a string literal.
{ echo 'let forcesCSV = """'; cat "$root/Pipeline/forces.csv"; echo '"""'; } > Forces.swift
swiftc "${flags[@]}" -o peel-fuzz "$root/Tests/Fuzz/FuzzDecodeParse.swift" Forces.swift libPeelReport.a libPeelSearch.a libPeelLayout.a libPeelText.a libCSV.a
echo "built $out/peel-fuzz"
