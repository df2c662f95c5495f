import Foundation
import PeelReport
import PeelTestSupport
import Testing

@Test func zzDebugFindings() throws {
    guard let path = ProcessInfo.processInfo.environment["FINDINGS_DEBUG"] else { return }
    let report = try parse(readBytes(path))
    for f in report.findings { print("FIND \(f.line) \(f.question?.rawValue ?? "-") \(f.kind.rawValue) | \(f.text)") }
    for d in report.gradeDistributions { print("DIST \(d.line) \(d.question.rawValue) \(d.grade.rawValue) \(d.forces)") }
    for p in report.problems { print("PROB \(p.line ?? 0) \(p.message)") }
}

@Test func zzDebugWidths() throws {
    guard let name = ProcessInfo.processInfo.environment["WIDTHS_DEBUG"] else { return }
    let sample = Fixtures.sample(name)
    let original = try parse(sample)
    for width in 50...120 {
        let report = try parse(Layout.hardWrap(width: width)(sample))
        let d = report.gradeDistributions.count, f = report.findings.count
        let sameFindings = Set(report.findings.map { $0.text }) == Set(original.findings.map { $0.text })
        if d != original.gradeDistributions.count || !sameFindings {
            print("WIDTH \(width) dist \(d) findings \(f) same \(sameFindings)")
            for x in Set(report.findings.map { $0.text }).subtracting(original.findings.map { $0.text }) { print("   GOT \(x)") }
            for x in Set(original.findings.map { $0.text }).subtracting(report.findings.map { $0.text }) { print("   EXP \(x)") }
        }
    }
}

@Test func zzDebugCompose() throws {
    guard let spec = ProcessInfo.processInfo.environment["COMPOSE_DEBUG"] else { return }
    let parts = spec.split(separator: ",").map(String.init)
    let name = parts[0]
    var bytes = Fixtures.sample(name)
    for step in parts.dropFirst() {
        switch step {
        case "cells": bytes = Layout.cellsOnePerLine(bytes)
        case "tabs": bytes = Layout.tabsToAlignedSpaces(bytes)
        case "bullets": bytes = Layout.bulletsRemoved(bytes)
        case "noblank": bytes = Layout.noBlankLines(bytes)
        case "unicode": bytes = Layout.unicodeNoise(bytes)
        case "crlf": bytes = Layout.crlf(bytes)
        case let s where s.hasPrefix("wrap"): bytes = Layout.hardWrap(width: Int(s.dropFirst(4))!)(bytes)
        case let s where s.hasPrefix("page"): bytes = Layout.pageFurniture(every: Int(s.dropFirst(4))!)(bytes)
        default: fatalError(step)
        }
    }
    try writeBytes(bytes, to: "/tmp/compose.txt")
    let c = CoverageComparison(sample: try parseSample(name), variant: try parse(bytes))
    for kind in CoverageKind.allCases { print("KIND \(kind.rawValue) \(c[kind].found)/\(c[kind].expected) wrong \(c[kind].wrong.count)") }
    for w in c.kinds.values.flatMap(\.wrong) { print("WRONG \(w.item.line) \(w.item.description)") }
    for m in c.kinds.values.flatMap(\.missing).prefix(8) { print("MISS \(m.description)") }
}
