// swift-tools-version:6.1
// The PEEL pipeline: archive → text → report → tables, one module per stage.
import PackageDescription

/// One settings array for every target (Swift 6 language mode comes from the tools version).
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "peel",
    products: [
        .executable(name: "peel", targets: ["peel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries: one shim each, imported by exactly one Swift file.
        .systemLibrary(
            name: "CLibArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .systemLibrary(name: "CLinuxSystem"),
        .systemLibrary(name: "CVectorMask"),
        .systemLibrary(name: "CIsal", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // The allocator of the peel process (only the executable links it; the library modules use whichever the
        // process has).
        .target(name: "CJemalloc", linkerSettings: [.linkedLibrary("jemalloc")]),
        // The release build's check that the processor has the instructions its code was compiled for (README,
        // "Installing it"): it runs before main, in the peel program only.
        .target(name: "CProcessor"),

        // Stage 1: archives → entries (bytes), through libarchive.
        .target(name: "PeelArchive", dependencies: ["CLibArchive", "CIsal"], swiftSettings: settings),
        // Stage 1½: PDF entries → text, through poppler's pdftotext in a child process under limits.
        .target(name: "PeelPDF", dependencies: ["PeelText", "CLinuxSystem"], swiftSettings: settings),
        // Stage 2: entry bytes → normalised text with original line numbers.
        .target(name: "PeelText", dependencies: ["CVectorMask"], swiftSettings: settings),
        // A general text-search engine: cue scans over bytes, sentence windows, pooled regular expressions.
        .target(name: "PeelSearch", dependencies: ["PeelText"], swiftSettings: settings),
        // Stage 3: normalised text → lines without page furniture, with table cells and their columns.
        .target(name: "PeelLayout", dependencies: ["PeelText"], swiftSettings: settings),
        // Stage 4: laid-out text → report, one unit per report layout.
        .target(name: "PeelReport", dependencies: ["PeelText", "PeelLayout", "PeelSearch", .product(name: "CSV", package: "CSV.swift")], swiftSettings: settings),
        // Stage 5: rules over one report and across reports.
        .target(name: "PeelValidation", dependencies: ["PeelReport", "PeelEnrichment", "PeelText"], swiftSettings: settings),
        // Stage 6: force figures × ONS population denominators.
        .target(name: "PeelEnrichment", dependencies: ["PeelReport", .product(name: "CSV", package: "CSV.swift")], swiftSettings: settings),
        // Parquet files written from the specification (Thrift compact encoding apart from the file layout).
        .target(name: "PeelParquet", dependencies: ["CZstd"], swiftSettings: settings),
        // The run as a page: index.html beside the tables.
        .target(name: "PeelRunReport", dependencies: [.product(name: "Mustache", package: "swift-mustache")], swiftSettings: settings),
        // Stage 7: typed rows → partitioned CSV tables.
        .target(name: "PeelTables", dependencies: ["PeelText"], swiftSettings: settings),
        // The run: stages wired on Dispatch, manifest, atomic publishing.
        .target(
            name: "PeelPipeline",
            dependencies: [
                "PeelArchive", "PeelPDF", "PeelText", "PeelReport", "PeelValidation", "PeelEnrichment", "PeelTables", "PeelRunReport", "PeelParquet", "CLinuxSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        // The command line: options, logging, exit codes.
        .target(
            name: "PeelCLI",
            dependencies: [
                "PeelPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(name: "peel", dependencies: ["PeelCLI", "CJemalloc", "CProcessor"], swiftSettings: settings),

        // Fixture paths, temporary folders and real archiving tools, shared by the test targets.
        .target(
            name: "PeelTestSupport",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/PeelTestSupport",
            swiftSettings: settings
        ),
        .testTarget(name: "PeelArchiveTests", dependencies: ["PeelArchive", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelPDFTests", dependencies: ["PeelPDF", "PeelText", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelTextTests", dependencies: ["PeelText", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelSearchTests", dependencies: ["PeelSearch", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelLayoutTests", dependencies: ["PeelLayout", "PeelText", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelReportTests", dependencies: ["PeelReport", "PeelLayout", "PeelSearch", "PeelText", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelValidationTests", dependencies: ["PeelValidation", "PeelEnrichment", "PeelReport", "PeelText", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelEnrichmentTests", dependencies: ["PeelEnrichment", "PeelReport", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelParquetTests", dependencies: ["PeelParquet", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(name: "PeelTablesTests", dependencies: ["PeelTables", "PeelTestSupport"], swiftSettings: settings),
        .testTarget(
            name: "PeelPipelineTests",
            dependencies: ["PeelPipeline", "PeelCLI", "PeelPDF", "PeelReport", "PeelRunReport", "PeelText", "PeelTestSupport",
                           .product(name: "Logging", package: "swift-log"), .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: settings
        ),
    ]
)
