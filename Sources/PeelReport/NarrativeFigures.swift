import Foundation
import PeelSearch
import PeelText

/// Statistics stated in sentences: "recorded 17,130 incidents of anti-social behaviour", "fell by 9 percent …
/// compared with a reduction of 13 percent across all forces", "87.4 percent were satisfied", "36 arrests …
/// England and Wales rate of 46", "Custody was used as a place of safety 63 times … 107.9 … per 100,000 … 17.5".
///
/// Paragraphs are rebuilt from wrapped lines first, so hard-wrapped text reads the same; each match names the
/// line its number stands on. The patterns are data for the search engine (`PeelSearch.SentenceSearch`): it
/// scans a paragraph's bytes once for every pattern's cue, and runs a pattern's regular expression only where its
/// cue and keys are. What a match means (which figure, which area, which sign) is this file's business.
enum NarrativeFigures {
    /// A sentence pattern and what its capture groups mean.
    private struct Pattern: Sendable {
        let sentence: SentencePattern
        /// Why a match gives no figure, where its sentence says what makes the figure uncertain (nil: it is read). Said
        /// as a parse problem on the number's line.
        let notRead: @Sendable (Match) -> String?
        let read: @Sendable (Match) -> [Figure]

        init(cue: String, keys: [String], reach: Int = 0, _ pattern: String, notRead: @escaping @Sendable (Match) -> String? = { _ in nil },
             read: @escaping @Sendable (Match) -> [Figure]) {
            sentence = SentencePattern(cue: cue, keys: keys, reach: reach, regex: pattern)
            self.notRead = notRead
            self.read = read
        }
    }

    /// One match: its captured numbers with their source lines, and the periods its sentence names.
    struct Match {
        let groups: [String?]
        let groupLines: [Int]
        let periods: [Period]
        /// Where the sentence names more than one period, the last one it names before each group's number (nil for
        /// none before it).
        let groupPeriods: [Period?]
        let sentence: String
        let forces: OtherForces?
        /// The paragraph, where the sentence starts in it, and where the match does (UTF-16 offsets): the words around
        /// the sentence are made only for the patterns that ask.
        let paragraph: UTF16Text
        let sentenceStart: Int
        let matchStart: Int

        /// The sentence's words before the match ("In the 12 months to 30 June 2015, Dyfed-Powys Police ").
        var subject: String { paragraph.substring(sentenceStart, matchStart) }
        /// The sentence before it in its paragraph, if any.
        var previousSentence: String? { NarrativeFigures.sentence(before: sentenceStart, in: paragraph) }

        func word(_ group: Int) -> String { groups[group]?.lowercased() ?? "" }

        /// The period that ends last (one with no end or day comes before any with one).
        static func latest(_ periods: [Period]) -> Period? {
            periods.max { first, second in
                switch (first.end ?? first.asAt, second.end ?? second.asAt) {
                case let (one?, other?): one < other
                case (nil, _?): true
                default: false
                }
            }
        }

        /// A number takes the period its sentence names last before it ("In the 12 months to 30 June 2015, … recorded
        /// 17,130 incidents …, as reported on 1 October 2015"), else the last one it names. A change takes the latest
        /// its sentence names, the one it ends with, wherever it stands ("When compared with the 12 months to 30 June
        /// 2010, … fell by 9 percent for the 12 months to 30 June 2015").
        func figure(_ area: Area, _ metric: Metric, _ group: Int, sign: Double = 1, period: Period? = nil) -> Figure? {
            // A count printed with a fraction ("17.130 incidents": a point for a thousands comma, or a slip) is no count.
            guard let printed = groups[group].flatMap({ PrintedNumber($0) }), metric.unit != .count || printed.decimals == 0 else { return nil }
            let latest = metric.isChange && periods.count >= 2 ? Self.latest(periods) : nil
            return Figure(area: area, metric: metric, value: printed.value * sign, decimals: printed.decimals, unit: metric.unit,
                          period: period ?? latest ?? groupPeriods[group] ?? periods.last ?? Period(), source: .narrative, line: groupLines[group])
        }
    }

    private static func sign(_ word: String) -> Double {
        ["fell", "decreased", "reduced", "reduction", "decrease", "fall", "fewer", "lower"].contains(word) ? -1 : 1
    }

    private static let number = "([0-9][0-9,]*(?:\\.[0-9]+)?)"
    private static let change = "(fell|decreased|reduced|increased|rose)"
    private static let comparison = "(reduction|decrease|fall|increase|rise)"
    /// Crimes whose victims a satisfaction survey may ask alone.
    private static let victimsOfOneCrime = ["domestic abuse", "hate crime", "anti-social behaviour", "burglary", "violent crime", "vehicle crime"]
    /// Words that say a rate told after them is an earlier year's. (Not "the previous 12 months": "victims in the
    /// previous 12 months" are this year's.)
    private static let earlierYear = ["previous year", "year before", "a year earlier"]
    /// Where a comparison's figure is England and Wales': a change compared with one "across its most similar group of
    /// forces", "across Wales" or "in the previous year" is not.
    private static let acrossEnglandAndWales = "( across all forces in England and Wales| across England and Wales| in England and Wales)?"

    private static let patterns = makePatterns()

    /// The engine, given the patterns.
    static let search = SentenceSearch(patterns.map(\.sentence))

    private static func makePatterns() -> [Pattern] { [
        Pattern(cue: "incidents of anti-social behaviour", keys: ["recorded ", " incidents of anti-social behaviour"], "recorded \(number) incidents of anti-social behaviour",
                notRead: asbCountNotRead) { match in
            [match.figure(.force, .asbIncidentsCount, 1)].compactMap { $0 }
        },
        // The same where a reading-order extraction dropped the hyphen with the line break at it (plain pdftotext).
        Pattern(cue: "incidents of antisocial behaviour", keys: ["recorded ", " incidents of antisocial behaviour"], "recorded \(number) incidents of antisocial behaviour",
                notRead: asbCountNotRead) { match in
            [match.figure(.force, .asbIncidentsCount, 1)].compactMap { $0 }
        },
        Pattern(cue: "incidents than the force recorded", keys: [" percent ", " incidents than the force recorded"], "\(number) percent (fewer|more) incidents than the force recorded",
                notRead: asbChangeNotRead) { match in
            [match.figure(.force, .asbIncidentsChange1yPct, 1, sign: sign(match.word(2)))].compactMap { $0 }
        },
        Pattern(cue: "across england and wales, there were", keys: ["across england and wales, there were ", " percent "], "across England and Wales, there were \(number) percent (fewer|more) incidents") { match in
            guard overOneYear(match.sentence) else { return [] }
            return [match.figure(.englandAndWales, .asbIncidentsChange1yPct, 1, sign: sign(match.word(2)))].compactMap { $0 }
        },
        // "… fell by 9 percent in Dyfed-Powys compared with a reduction of 13 percent across all forces …"
        Pattern(cue: "percent in ", keys: [" percent in ", " compared with a"], "\(change) by \(number) percent in [^,.]{1,60}?,? compared with an? \(comparison) of \(number) percent\(acrossEnglandAndWales)",
                notRead: crimeChangeNotRead) { match in
            guard let metric = crimeChangeMetric(match.sentence) else { return [] }  // turned away by `notRead`: only unwraps
            return [match.figure(.force, metric, 2, sign: sign(match.word(1))),
                    match.groups[5] == nil ? nil : match.figure(.englandAndWales, metric, 4, sign: sign(match.word(3)))].compactMap { $0 }
        },
        // "… increased by 7 percent for the 12 months to 30 June 2015. This is compared with an increase of 4 percent …"
        Pattern(cue: "this is compared with", keys: [" this is compared with a", " percent"], reach: 1, "\(change) by \(number) percent for the 12 months to [^.]+\\. This is compared with an? \(comparison) of \(number) percent\(acrossEnglandAndWales)",
                notRead: { match in
                    match.sentence.lowercasedContains("recorded crime") ? crimeChangeNotRead(match)
                        : "recorded_crime_change_1y_pct not read: the sentence does not say the change is in recorded crime"
                }) { match in
            // Over the years the sentence compares ("When compared with the previous year", "… with the 12 months to 30
            // June 2010"): one or five (`notRead` has turned away any other span, none told, and a sentence not of
            // recorded crime; the guard only unwraps).
            guard let metric = crimeChangeMetric(match.sentence) else { return [] }
            return [match.figure(.force, metric, 2, sign: sign(match.word(1))),
                    match.groups[5] == nil ? nil : match.figure(.englandAndWales, metric, 4, sign: sign(match.word(3)))].compactMap { $0 }
        },
        Pattern(cue: "organised crime groups", keys: ["monitoring ", " organised crime groups"], "monitoring \(number) organised crime groups") { match in
            [match.figure(.force, .ocgCount, 1)].compactMap { $0 }
        },
        Pattern(cue: "per one million", keys: ["represents ", " ocgs per one million"], "represents \(number) OCGs per one million") { match in
            [match.figure(.force, .ocgPerMillion, 1)].compactMap { $0 }
        },
        Pattern(cue: "per one million", keys: ["had ", " mapped organised crime groups per one million"], "had \(number) mapped organised crime groups per one million") { match in
            [match.figure(.force, .ocgPerMillion, 1)].compactMap { $0 }
        },
        Pattern(cue: "per one million", keys: ["england and wales rate of ", " organised crime groups per one million"], "England and Wales rate of \(number) organised crime groups per one million") { match in
            [match.figure(.englandAndWales, .ocgPerMillion, 1)].compactMap { $0 }
        },
        Pattern(cue: "predominant crime type", keys: ["'drug activity' was the predominant crime type ("], "'Drug activity' was the predominant crime type \\(\(number) percent\\)") { match in
            [match.figure(.force, .ocgPredominantDrugsPct, 1)].compactMap { $0 }
        },
        Pattern(cue: "classified in this way", keys: ["with ", " percent of all ocgs classified in this way"], "with \(number) percent of all OCGs classified in this way") { match in
            [match.figure(.englandAndWales, .ocgPredominantDrugsPct, 1)].compactMap { $0 }
        },
        Pattern(cue: "were satisfied", keys: [" percent were satisfied"], "\(number) percent were satisfied", notRead: { match in
            let metric = Metric.victimSatisfactionPct.rawValue
            // The victims of all crime: a survey of one crime's victims ("of domestic abuse victims …, 91.0 percent
            // were satisfied") is another rate.
            if let crime = victimsOfOneCrime.first(where: { match.sentence.lowercasedContains($0) }) {
                return "\(metric) not read: the sentence names the victims of one crime (\"\(crime)\")"
            }
            // This year's, not the one before ("In the previous year, 86.9 percent were satisfied").
            if saysEarlierYear(match.sentence, before: " percent were satisfied") { return "\(metric) not read: the sentence gives an earlier year's rate" }
            // With their whole experience, not one part of it ("… satisfied with the way they were kept informed",
            // "… with the initial police response"); not a target ("… target is that 85 percent were satisfied").
            if !satisfiedOverall(match.sentence) { return "\(metric) not read: the rate is of satisfaction with one part of the service" }
            if match.sentence.lowercasedContains("target") { return "\(metric) not read: the sentence gives a target" }
            return nil
        }) { match in
            [match.figure(.force, .victimSatisfactionPct, 1)].compactMap { $0 }
        },
        Pattern(cue: "national victim satisfaction rate", keys: ["national victim satisfaction rate of "], "national victim satisfaction rate of \(number) percent", notRead: { match in
            // This year's: not "… the national victim satisfaction rate of 84.5 percent in the previous year". (Where
            // the sentence gives the force's previous year beside this year's national rate, which is which is not
            // certain either.)
            earlierYear.contains(where: { match.sentence.contains(ignoringASCIICase: $0) })
                ? "\(Metric.victimSatisfactionPct.rawValue) of England and Wales not read: the sentence names an earlier year" : nil
        }) { match in
            [match.figure(.englandAndWales, .victimSatisfactionPct, 1)].compactMap { $0 }
        },
        Pattern(cue: "arrests made", keys: ["for every 100 domestic abuse", " arrests made", "(this compares with the england and wales rate of "], "For every 100 domestic abuse[^.]{0,60}? there were \(number) arrests made[^.(]*\\(this compares with the England and Wales rate of \(number)\\)") { match in
            [match.figure(.force, .domesticAbuseArrestsPer100Offences, 1),
             match.figure(.englandAndWales, .domesticAbuseArrestsPer100Offences, 2)].compactMap { $0 }
        },
        Pattern(cue: "place of safety", keys: ["used as a place of safety ", " uses as a place of safety per 100,000 population (compared with an england and wales rate of "], "used as a place of safety \(number) times[^.]*? which represents \(number) uses as a place of safety per 100,000 population \\(compared with an England and Wales rate of \(number)\\)") { match in
            [match.figure(.force, .custodyPlaceOfSafetyCount, 1),
             match.figure(.force, .custodyPlaceOfSafetyPer100000, 2),
             match.figure(.englandAndWales, .custodyPlaceOfSafetyPer100000, 3)].compactMap { $0 }
        },
    ] }

    /// Whether "… percent were satisfied" in `sentence` is with the whole experience: said no more of, or "with their
    /// whole experience", "with the overall service", "with the service (they received)".
    private static func satisfiedOverall(_ sentence: String) -> Bool {
        guard let at = sentence.firstIndex(ignoringASCIICase: " percent were satisfied") else { return true }
        let after = sentence[at...].dropFirst(" percent were satisfied".count)
        guard after.hasPrefix(" with ") || after.hasPrefix(" by ") else { return true }
        let rest = after.dropFirst(after.hasPrefix(" with ") ? 6 : 4)
        return ["their whole experience", "the whole experience", "their overall experience", "the overall service", "the service"].contains {
            String(rest.prefix($0.utf8.count)).equals(ignoringASCIICase: $0)
        }
    }

    /// Whether the sentence says, before `phrase`, that what it tells is an earlier year's (`earlierYear`). Searched
    /// ignoring ASCII case on the bytes: Foundation's `range(of:)` cost some 19,000 instructions a sentence, the
    /// generic `firstRange(of:)` more (callgrind).
    private static func saysEarlierYear(_ sentence: String, before phrase: String) -> Bool {
        let head = String(sentence[..<(sentence.firstIndex(ignoringASCIICase: phrase) ?? sentence.endIndex)])
        return earlierYear.contains { head.contains(ignoringASCIICase: $0) }
    }

    /// Why a crime change sentence gives no figure, where `crimeChangeMetric` cannot tell which change it reports.
    @Sendable private static func crimeChangeNotRead(_ match: Match) -> String? {
        crimeChangeMetric(match.sentence) == nil
            ? "crime change not read: which change the sentence gives (recorded or victim-based crime, over one year or five) is not certain" : nil
    }

    /// Which change a crime sentence reports: victim-based crime (five years), or recorded crime over five
    /// years or one, told apart by the years it compares.
    private static func crimeChangeMetric(_ sentence: String) -> Metric? {
        if sentence.lowercasedContains("non victim-based") || sentence.lowercasedContains("non-victim-based") { return nil }
        let victimBased = sentence.lowercasedContains("victim-based crime"), recorded = sentence.lowercasedContains("recorded crime")
        // A sentence that names both ("… recorded crime … fell by 21 percent …, while victim-based crime fell by 19
        // percent"): which kind a number is of is not certain.
        if victimBased && recorded { return nil }
        let span = Dates.spanInYears(sentence)
        if victimBased {
            // Over five years, named or, as reports say it, "over this same period" after the five-year sentence; a
            // change over one year or another span is no metric peel has.
            if sentence.lowercasedContains("previous year") || (span != nil && span != 5) { return nil }
            return .victimBasedCrimeChange5yPct
        }
        guard recorded else { return nil }
        // Two periods named decide the span ("… compared with the 12 months to 30 June 2013 …" is two years, whatever
        // "the previous year" says after it); else "the previous year" says one.
        if let span { return span == 5 ? .recordedCrimeChange5yPct : span == 1 ? .recordedCrimeChange1yPct : nil }
        return sentence.lowercasedContains("previous year") ? .recordedCrimeChange1yPct : nil
    }

    /// Whether a count's sentence says it counts a part of the whole ("… incidents of anti-social behaviour classified as
    /// nuisance, out of 17,130 in total"), or one kind of anti-social behaviour ("… incidents of personal anti-social
    /// behaviour"): which number is the whole is not certain (a fourth audit).
    private static func countsPart(_ sentence: String) -> Bool {
        ["classified as", "out of", "of which", "in total"].contains { sentence.contains(ignoringASCIICase: $0) }
            || asbKinds.contains { sentence.contains(ignoringASCIICase: $0) }
    }

    /// The kinds of anti-social behaviour the national standard for incident recording counts apart, as words.
    private static let asbKinds = [" personal ", " nuisance ", " environmental "]

    /// Whether a sentence says its incidents are anti-social behaviour.
    private static func namesASB(_ sentence: String) -> Bool {
        ["anti-social behaviour", "antisocial behaviour", "anti-social behavior", "antisocial behavior", "(asb)", " asb "].contains {
            sentence.contains(ignoringASCIICase: $0)
        }
    }

    /// Why the force's count of anti-social behaviour incidents is not read from its sentence, if it is not: a part of the
    /// incidents, or a count someone other than the force recorded ("the neighbourhood team in Woking recorded 45
    /// incidents …": a part of the force's area; a fifth audit).
    @Sendable private static func asbCountNotRead(_ match: Match) -> String? {
        let metric = Metric.asbIncidentsCount.rawValue
        if countsPart(match.sentence) {
            return "\(metric) not read: the sentence counts a part of the incidents (one kind of anti-social behaviour, or a part out of a total)"
        }
        if !recordedByTheForce(match.subject, match.forces) {
            return "\(metric) not read: the sentence does not say that the force recorded the incidents (\"\(match.subject.suffix(60).trimmingCharacters(in: .whitespaces)) recorded …\")"
        }
        return nil
    }

    /// Why the one-year change in the force's anti-social behaviour incidents is not read from "… percent fewer incidents
    /// than the force recorded …", if it is not: the sentence, or the one before it where it does not say, must say the
    /// incidents are all anti-social behaviour the force recorded ("… recorded 4,000 incidents of personal anti-social
    /// behaviour. This is 12 percent fewer incidents than the force recorded …" is one kind's change).
    @Sendable private static func asbChangeNotRead(_ match: Match) -> String? {
        let metric = Metric.asbIncidentsChange1yPct.rawValue
        guard overOneYear(match.sentence) else { return "\(metric) not read: the sentence compares another span than one year, or names none" }
        let ownSentence = namesASB(match.sentence)
        guard let about = ownSentence ? match.sentence : match.previousSentence, namesASB(about) else {
            return "\(metric) not read: neither the sentence nor the one before it says the incidents are anti-social behaviour"
        }
        if countsPart(about) { return "\(metric) not read: the change is of a part of the incidents (one kind of anti-social behaviour, or a part out of a total)" }
        // The sentence before tells whose incidents: the force's, not a part of its area's.
        if !ownSentence, let recorded = about.firstIndex(ignoringASCIICase: " recorded "),
           !recordedByTheForce(String(about[..<recorded]) + " ", match.forces) {
            return "\(metric) not read: the sentence before it does not say that the force recorded the incidents"
        }
        return nil
    }

    /// Words before a name that make it a place, a part or a partner of who recorded ("the team in Surrey", "officers of
    /// the force", "Surrey Police and Sussex Police").
    private static let beforeNotTheRecorder: Set<String> = ["of", "in", "within", "across", "for", "at", "from", "by", "with", "to", "and", "&", "than", "between"]

    /// Whether the words before "recorded" in a sentence (`subject`) say that a force recorded: they end with a force's
    /// name, short name or an alias (another force's is left to the check for other forces), or "the force" or "the constabulary", after the sentence's opening words or a
    /// comma, not after a word that makes it a place or a part (`beforeNotTheRecorder`). Without the registry, a name
    /// ending "Police" or "Constabulary" stands for the force's.
    static func recordedByTheForce(_ subject: String, _ forces: OtherForces?) -> Bool {
        var words = subject.split(separator: " ")
        while let last = words.last, ["has", "have", "had", "also"].contains(last.lowercased()) { words.removeLast() }
        guard let last = words.last else { return false }
        var nameLength = 0
        if words.count >= 2, words[words.count - 2].lowercased() == "the", ["force", "constabulary"].contains(last.lowercased()) {
            nameLength = 2
        } else if let forces {
            for count in stride(from: min(5, words.count), through: 1, by: -1) {
                let name = words.suffix(count).joined(separator: " ")
                // Another force's name is the recorder too: the check for sentences naming another force says so.
                if forces.registry.id(for: name) != nil {
                    nameLength = count
                    break
                }
            }
        } else if last == "Police" || last == "Constabulary" {
            nameLength = min(2, words.count)
        }
        guard nameLength > 0 else { return false }
        guard words.count > nameLength else { return true }
        let before = words[words.count - nameLength - 1]
        return before.hasSuffix(",") || !beforeNotTheRecorder.contains(before.lowercased())
    }

    /// Whether an anti-social behaviour change compares one year with the one before: "the previous 12 months", or
    /// two periods a year apart (not "than … in the 12 months to 30 June 2012").
    private static func overOneYear(_ sentence: String) -> Bool {
        if let span = Dates.spanInYears(sentence) { return span == 1 }
        return sentence.lowercasedContains("previous 12 months") || sentence.lowercasedContains("previous year")
    }

    /// The figures the sentences state, and a problem for each sentence too long to search (see
    /// `SentenceSearch.longestSentence`), naming the line it starts on.
    static func extract(_ lines: NormalisedLines, otherForces: OtherForces? = nil) -> (figures: [Figure], problems: [ParseProblem]) {
        var figures: [Figure] = []
        var problems: [ParseProblem] = []
        // Paragraphs that may name a period, read only when a sentence needs the last period before it.
        var periodHistory = PeriodHistory()
        let paragraphs = paragraphs(lines)
        // Each paragraph's bytes are gathered into one reused buffer and scanned for cues there; its text is made
        // only when a cue is found (most paragraphs hold none, and building every paragraph's String was a third
        // of this extractor's time).
        var buffer: [UInt8] = []
        for position in paragraphs.items.indices {
            // Every pattern reads a number, and a period needs a year: a paragraph without a digit (over half the
            // prose) can give neither, and is neither gathered nor scanned for cues. Its lines are looked at in place
            // (joining them adds only spaces).
            guard paragraphs.holdsASCIIDigit(position, lines) else {
                periodHistory.append(cued: false)
                continue
            }
            paragraphs.bytes(of: position, lines, into: &buffer)
            let found = buffer.withUnsafeBufferPointer { search.cued(in: $0) }
            periodHistory.append(cued: found != 0)
            if found == 0 { continue }
            let text = String(decoding: buffer, as: UTF8.self)
            var units: UTF16Text?
            let (matches, unsearched) = search.search(found, in: text)
            for match in matches {
                if units == nil { units = UTF16Text(text) }
                var read = read(patterns[match.pattern], match.ranges, in: paragraphs.starts(of: position, lines), units!, forces: otherForces) {
                    periodHistory.latest(before: position, in: paragraphs, lines)
                }
                func namesOwnForce(_ sentence: String) -> Bool { OtherArea.namesTheForce(sentence) || otherForces?.namesOwn(in: sentence) == true }
                // A sentence about another force ("… recorded by Warwickshire Police, there were 30 arrests …", a
                // neighbour or an alliance's partner) gives no figure of this report's force; England and Wales' stand.
                // (So is one that refers back to such a sentence: "Surrey Police and Sussex Police were jointly monitoring 50
                // organised crime groups. This represents 30 OCGs per one million …".)
                // A sentence that does not name the report's force may name another by its short name or an alias alone
                // ("… fell by 21 percent in Sussex …", "GMP recorded …", "the Met was … monitoring 230 …").
                func otherForce(_ sentence: String) -> String? {
                    otherForces?.named(in: sentence) ?? (namesOwnForce(sentence) ? nil : otherForces?.namedShortly(in: sentence))
                }
                if read.figures.contains(where: { $0.area == .force }), let other = otherForce(read.sentence) ?? read.referredTo.flatMap(otherForce) {
                    let dropped = read.figures.filter { $0.area == .force }
                    read.figures.removeAll { $0.area == .force }
                    problems.append(ParseProblem(.warning, line: dropped[0].line,
                        "a sentence that names \(other) gives \(dropped.map(\.metric.rawValue).joined(separator: ", ")): not read as this force's"))
                }
                // A sentence about England and Wales, all forces or a region ("forces across England and Wales were
                // monitoring 5,866 organised crime groups", "the South East regional organised crime unit …") that gives
                // no England and Wales figure beside the force's: its figure is not certainly this force's. Nor is one of
                // the sentence after it that refers back to it ("This represents 104 OCGs per one million …").
                // A sentence that names the report's force or "the force", or refers back to one that does, is the force's own
                // ("Wiltshire Police was … monitoring 12 organised crime groups (OCGs). This represents 17 OCGs per one
                // million …, which is low compared with other forces in England and Wales").
                if read.figures.contains(where: { $0.area == .force }), !read.figures.contains(where: { $0.area == .englandAndWales }),
                   !namesOwnForce(read.sentence), read.referredTo.map(namesOwnForce) != true,
                   let area = OtherArea.named(in: read.sentence) ?? read.referredTo.flatMap(OtherArea.named) {
                    let dropped = read.figures.filter { $0.area == .force }
                    read.figures.removeAll { $0.area == .force }
                    problems.append(ParseProblem(.warning, line: dropped[0].line,
                        "a sentence about \(area) gives \(dropped.map(\.metric.rawValue).joined(separator: ", ")) with no figure of England and Wales beside it: not read as this force's"))
                }
                figures += read.figures
                problems += read.problems
            }
            problems += unreadSentences(found, matches: matches, unsearched: unsearched, in: text, bytes: buffer, units: &units,
                                        starts: paragraphs.starts(of: position, lines))
            for sentence in unsearched {
                let start = text.utf8.index(text.startIndex, offsetBy: sentence.lowerBound).utf16Offset(in: text)
                problems.append(ParseProblem(.warning, line: LineStart.line(atUTF16: start, in: paragraphs.starts(of: position, lines)),
                    "a sentence of more than \(SentenceSearch.longestSentence) bytes with no full stop: no figure is read from its text"))
            }
        }
        return (figures, problems)
    }

    /// A problem for each sentence of a paragraph that holds a cued pattern's cue and a number, but that no pattern
    /// matched: its figures are in a wording peel does not read ("… fell by 13 percent across England and Wales, while
    /// in Dyfed-Powys it fell by 9 percent", "… (±1.3 percent) were satisfied"), and are lost. Said, so the loss is not
    /// silent (a fifth audit found a dozen rewordings lost without a word). Named on the cue's line, each sentence once;
    /// not a sentence too long to search (`unsearched`, byte ranges), which is said already.
    private static func unreadSentences(_ cued: UInt64, matches: [SentenceMatch], unsearched: [Range<Int>], in text: String, bytes: [UInt8],
                                        units: inout UTF16Text?, starts: @autoclosure () -> [LineStart]) -> [ParseProblem] {
        // Where each such pattern's cue stands whose sentence (roughly: between full stops) holds a digit, found on the
        // bytes ignoring ASCII case: the rest are passed over before any text is made (made for every cue, the first
        // cut cost five times the narrative reader; callgrind).
        // Only the cues of patterns that matched nowhere in the paragraph: where one matched, its cue's sentence is
        // read (a second sentence with the same cue unread beside it goes unsaid; asked of every cue, this cost more
        // than half the narrative reader again: callgrind).
        var unmatched = cued
        for match in matches { unmatched &= ~(UInt64(1) << match.pattern) }
        guard unmatched != 0 else { return [] }
        var candidates: [(pattern: Int, at: Int)] = []
        bytes.withUnsafeBufferPointer { haystack in
            for index in patterns.indices where unmatched & (UInt64(1) << index) != 0 {
                cueBytes[index].withUnsafeBufferPointer { cue in
                    var from = 0
                    while from < haystack.count, let offset = ASCIIBytes.firstIndex(of: cue, in: UnsafeBufferPointer(rebasing: haystack[from...])) {
                        let at = from + offset
                        from = at + 1
                        var first = at, last = at
                        // (A full stop before a space: not a decimal point's.)
                        while first > 1 && !(haystack[first - 1] == 0x20 && haystack[first - 2] == UInt8(ascii: ".")) { first -= 1 }
                        if first == 1 { first = 0 }
                        while last < haystack.count && !(haystack[last] == UInt8(ascii: ".") && (last + 1 == haystack.count || haystack[last + 1] == 0x20)) { last += 1 }
                        if holdsFigure(bytes: UnsafeBufferPointer(rebasing: haystack[first..<last])) { candidates.append((index, at)) }
                    }
                }
            }
        }
        guard !candidates.isEmpty else { return [] }
        var problems: [ParseProblem] = []
        var said: [NSRange] = []
        var read: [NSRange]?
        for (index, at) in candidates where !unsearched.contains(where: { $0.contains(at) }) {
            if units == nil { units = UTF16Text(text) }
            let offset = text.utf8.index(text.startIndex, offsetBy: at).utf16Offset(in: text)
            let sentence = units!.sentence(around: NSRange(location: offset, length: 0))
            if read == nil { read = matches.map { units!.sentence(around: $0.ranges[0]) } }
            guard !read!.contains(where: { NSIntersectionRange($0, sentence).length > 0 }), !said.contains(sentence) else { continue }
            let words = units!.substring(sentence.location, sentence.location + sentence.length)
            guard holdsFigure(words) else { continue }
            said.append(sentence)
            let shown = words.drop { $0 == " " }
            problems.append(ParseProblem(.warning, line: LineStart.line(atUTF16: offset, in: starts()),
                "a sentence with \"\(patterns[index].sentence.cue)\" and a number that no wording peel reads matches (\"\(shown.prefix(80))\(shown.count > 80 ? "…" : "")\"): no figure read from it"))
        }
        return problems
    }

    /// Each pattern's cue as bytes.
    private static let cueBytes = patterns.map { Array($0.sentence.cue.utf8) }

    /// Whether a sentence holds a number that may be a figure: not a year, a day before its month, the "12" of "12
    /// months", a rate's base ("per 1,000") or a section's, page's or figure's number; nor a figure's caption.
    static func holdsFigure(_ sentence: String) -> Bool {
        var copy = sentence
        return copy.withUTF8 { holdsFigure(bytes: $0) }
    }

    /// `holdsFigure` on a sentence's bytes (asked of every sentence a cue stands in: Characters and splits cost more than
    /// the patterns' search; callgrind). Words are what spaces part; their letters are compared as ASCII.
    static func holdsFigure(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var words: [Range<Int>] = []
        var start: Int?
        for index in 0...bytes.count {
            if index < bytes.count && bytes[index] != 0x20 {
                if start == nil { start = index }
            } else if let first = start {
                words.append(first..<index)
                start = nil
            }
        }
        func lower(_ word: Range<Int>) -> [UInt8] { bytes[word].map(ASCIIBytes.lower) }
        func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        // A figure's caption ("Figure 6: Organised crime groups per one million population, … 30 June 2015 14 15"), or
        // a footnote ("9 Section 136 of the Mental Health Act …", "<sup>9</sup> Section 136 …").
        guard let opening = words.first else { return false }
        let openingBytes = bytes[opening]
        if lower(opening).elementsEqual("figure".utf8) || openingBytes.starts(with: "<sup>".utf8)
            || ((1...3).contains(opening.count) && openingBytes.allSatisfy(isDigit)) { return false }
        for (index, word) in words.enumerated() {
            var core = word
            while !core.isEmpty && bytes[core.lowerBound] == UInt8(ascii: "(") { core = (core.lowerBound + 1)..<core.upperBound }
            while !core.isEmpty && ",.;:)%".utf8.contains(bytes[core.upperBound - 1]) { core = core.lowerBound..<(core.upperBound - 1) }
            guard !core.isEmpty, isDigit(bytes[core.lowerBound]) else { continue }
            if core.count == 4, bytes[core].allSatisfy(isDigit),
               case let year = bytes[core].reduce(0, { $0 * 10 + Int($1 - 0x30) }), (1800...2100).contains(year) { continue }
            if index + 1 < words.count {
                let next = lower(words[index + 1])
                if next.starts(with: "month".utf8) || Dates.months.contains(where: { next.starts(with: $0.utf8) }) { continue }
            }
            // (Ending with it: a footnote's mark may stand glued before the word, "⁹Section 136".)
            if index > 0, case let previous = lower(words[index - 1]),
               ["figure", "per", "section", "annex", "page", "chapter", "paragraph"].contains(where: { previous.reversed().starts(with: $0.utf8.reversed()) }) {
                continue
            }
            return true
        }
        return false
    }

    /// The figures of one match, given its group ranges in the paragraph.
    private static func read(_ pattern: Pattern, _ ranges: [NSRange], in starts: [LineStart], _ text: UTF16Text, forces: OtherForces?,
                             earlierPeriods: () -> [Period]) -> (figures: [Figure], sentence: String, referredTo: String?, problems: [ParseProblem]) {
        let sentenceRange = text.sentence(around: ranges[0])
        let sentence = text.substring(sentenceRange.location, sentenceRange.location + sentenceRange.length)
        // The sentence before, where this one opens by referring back to it ("This represents …", "These …").
        let referredTo = OtherArea.refersBack(sentence) ? Self.sentence(before: sentenceRange.location, in: text) : nil
        // The period a sentence names; else the nearest one before it in its paragraph ("over the same
        // time period"); else the last one of the paragraph before ("Over this same period, …").
        var periods = Dates.periods(in: sentence)
        // Read only where the sentence names two periods or more: with one, it is each number's either way.
        let sentenceEnd = sentenceRange.location + sentenceRange.length
        let groupPeriods = ranges.map { range -> Period? in
            guard periods.count >= 2, range.location != NSNotFound else { return nil }
            let end = min(max(range.location, sentenceRange.location), sentenceEnd)
            return Dates.periods(in: text.substring(sentenceRange.location, end)).last
        }
        // A sentence that names a year but no period peel reads ("in the year to 31 March 2015", "On 1st July 2017")
        // names its own, unknown: one from before it would be another's. Its figures are given no period, and so are
        // those of a sentence after it in its paragraph that names none ("This is higher than the national rate").
        if periods.isEmpty, !namesYear(sentence) {
            let before = text.substring(0, ranges[0].location)
            periods = Array(Dates.periods(in: before).suffix(1))
            if periods.isEmpty, !namesYear(before) { periods = Array(earlierPeriods().suffix(1)) }
        }
        let groupLines = ranges.map { LineStart.line(atUTF16: max(0, $0.location), in: starts) }
        var problems: [ParseProblem] = []
        let groups = ranges.indices.map { group -> String? in
            let range = ranges[group]
            guard range.location != NSNotFound else { return nil }
            // A number joined on its left to digits ("87·4 percent": a raised decimal point; "10-15 percent") is the end
            // of a number the pattern did not read: its value is not the printed one.
            if group > 0, range.length > 0, isDigit(text.unit(at: range.location)), range.location > sentenceRange.location,
               isDigit(text.unit(at: range.location - 1)) || (range.location - 1 > sentenceRange.location
                   && text.unit(at: range.location - 1) != 0x20 && isDigit(text.unit(at: range.location - 2))) {
                let printed = text.substring(max(sentenceRange.location, range.location - 4), range.location + range.length)
                problems.append(ParseProblem(.warning, line: groupLines[group],
                    "\"\(printed)\": a number joined to the digits before it, read as no figure"))
                return nil
            }
            if group > 0, range.length > 0, isDigit(text.unit(at: range.location)) {
                let before = text.substring(sentenceRange.location, range.location)
                if let why = NumberContext.notAFigure(before: before) {
                    let printed = text.substring(max(sentenceRange.location, range.location - 24), range.location + range.length)
                    problems.append(ParseProblem(.warning, line: groupLines[group], "\"…\(printed)\": \(why), read as no figure"))
                    return nil
                }
            }
            return text.substring(range.location, range.location + range.length)
        }
        let match = Match(groups: groups, groupLines: groupLines, periods: periods, groupPeriods: groupPeriods, sentence: sentence, forces: forces,
                          paragraph: text, sentenceStart: sentenceRange.location, matchStart: ranges[0].location)
        if let why = pattern.notRead(match) {
            problems.append(ParseProblem(.warning, line: groupLines[groups.indices.dropFirst().first { groups[$0] != nil } ?? 0], why))
            return ([], sentence, referredTo, problems)
        }
        return (pattern.read(match), sentence, referredTo, problems)
    }

    private static func isDigit(_ unit: UInt16) -> Bool { unit &- 0x30 < 10 }

    /// The sentence before the one that starts at `start` (a UTF-16 offset) in a paragraph; nil for its first.
    static func sentence(before start: Int, in text: UTF16Text) -> String? {
        guard start > 1 else { return nil }
        let before = text.sentence(around: NSRange(location: start - 2, length: 0))
        return text.substring(before.location, before.location + before.length)
    }

    /// What the words before a number in its sentence say of it, where it is no figure of the report: a number inside a
    /// quotation (an officer's words, a case study's), or one given only roughly ("more than 82 percent", "between 80.5
    /// and 84.1 percent").
    enum NumberContext {
        /// Read on the bytes before the number (Characters cost 30 M instructions on the 20 MB corpus; callgrind).
        static func notAFigure(before: String) -> String? {
            let bytes = Array(before.utf8)
            // Inside a quotation: an odd number of straight double quotes before it, or more opening curly ones than closing.
            var straight = 0, opening = 0, closing = 0
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\"") { straight += 1 }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                    if bytes[index + 2] == 0x9C { opening += 1 }
                    if bytes[index + 2] == 0x9D { closing += 1 }
                }
            }
            if straight % 2 == 1 || opening > closing { return "a number inside a quotation" }
            // The last six words, last first, lowercase.
            var words: [String] = []
            var end = bytes.count
            while words.count < 6 {
                while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A) { end -= 1 }
                guard end > 0 else { break }
                var start = end
                while start > 0 && bytes[start - 1] != 0x20 && bytes[start - 1] != 0x0A { start -= 1 }
                words.append(String(decoding: bytes[start..<end].map(ASCIIBytes.lower), as: UTF8.self))
                end = start
            }
            guard let last = words.first else { return nil }
            let lastTwo = words.count > 1 ? words[1] + " " + last : last
            if approximations.contains(lastTwo) { return "a number given only roughly (\"\(lastTwo)\")" }
            if approximations.contains(last) { return "a number given only roughly (\"\(last)\")" }
            // The second end of a range: "between 80.5 and", "from 10 to".
            if words.count >= 3, last == "and" || last == "to", words[1].utf8.first.map({ $0 &- 0x30 < 10 }) == true,
               words.contains(where: { $0 == "between" || $0 == "from" }) {
                return "the end of a range of numbers"
            }
            return nil
        }

        private static let approximations: Set<String> = [
            "more than", "less than", "fewer than", "over", "under", "almost", "nearly", "around", "about", "approximately",
            "roughly", "up to", "at least", "at most", "some", "between", "circa", "approx.",
        ]
    }

    /// An area other than the report's force that a sentence may be about: England and Wales, all forces, a region, two
    /// forces' areas together.
    enum OtherArea {
        /// What `sentence` names of these as what it is about; nil if none. Named only to compare ("… compared with
        /// other forces in England and Wales", "higher than across England and Wales") is not what it is about.
        static func named(in sentence: String) -> String? {
            let bytes = sentence.utf8.map(ASCIIBytes.lower)
            for phrase in phrases {
                for start in starts(of: Array(phrase.lowercased().utf8), in: bytes) {
                    let before = String(decoding: bytes[max(0, start - 40)..<start], as: UTF8.self)
                    if !comparisons.contains(where: { before.contains($0) }) { return phrase }
                }
            }
            return nil
        }

        /// Words before an area that name it to compare with.
        private static let comparisons = ["compared with", "compared to", "than ", "other forces"]

        static let phrases = ["England and Wales", "all forces", "regional organised crime unit", "across the region", "both force areas",
                              "both forces", "nationally"]

        /// Whether `sentence` says "the force" or "the constabulary" (not "the forces").
        static func namesTheForce(_ sentence: String) -> Bool {
            guard sentence.contains(ignoringASCIICase: "the force") || sentence.contains(ignoringASCIICase: "the constabulary") else { return false }
            let bytes = sentence.utf8.map(ASCIIBytes.lower)
            for phrase in [Array("the force".utf8), Array("the constabulary".utf8)] {
                for start in starts(of: phrase, in: bytes) {
                    let after = start + phrase.count
                    if after == bytes.count || !ASCIIBytes.isLetter(bytes[after]) { return true }
                }
            }
            return false
        }

        /// Where `needle` starts in `bytes`, each place.
        private static func starts(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
            guard let first = needle.first, bytes.count >= needle.count else { return [] }
            return (0...(bytes.count - needle.count)).filter { bytes[$0] == first && bytes[$0..<$0 + needle.count].elementsEqual(needle) }
        }

        /// Whether `sentence` opens by referring to the one before ("This represents …", "These groups …").
        static func refersBack(_ sentence: String) -> Bool {
            let opening = sentence.drop { $0 == " " }
            return ["This ", "These ", "That ", "Those "].contains { opening.hasPrefix($0) }
        }
    }

    /// The forces other than a report's own, to tell a sentence about another force.
    struct OtherForces {
        let registry: ForceRegistry
        let forceID: String?
        /// The report's force's name and short name, lowercase.
        private let ownNames: [String]

        init(registry: ForceRegistry, except forceID: String?) {
            self.registry = registry
            self.forceID = forceID
            let own = forceID.flatMap { registry.force(id: $0) }
            ownNames = own.map { [$0.name.lowercased(), $0.shortName.lowercased()] } ?? []
        }

        /// The first other force `sentence` names by its short name or an alias as printed, a whole word or words in
        /// their capitals ("Sussex", "GMP", "the Met": not "met"). Asked only of a sentence that does not name the
        /// report's force: there a place's name is as likely the force's area as a place in the report's own.
        func namedShortly(in sentence: String) -> String? {
            let bytes = Array(sentence.utf8)
            let words = Self.nameWords(bytes)
            for first in words.indices {
                var name = ""
                for last in first..<min(words.count, first + registry.printedShortNameWords) {
                    name += (last == first ? "" : " ") + String(decoding: bytes[words[last]], as: UTF8.self)
                    if let id = registry.printedShortNames[name], id != forceID { return registry.force(id: id)?.name ?? name }
                }
            }
            return nil
        }

        /// A sentence's words as byte ranges: letters, and "-", "&", "'" and any non-ASCII byte inside names ("Dyfed–Powys",
        /// "Avon & Somerset"). On bytes: a Character split of every matched sentence was most of the name checks' cost
        /// (callgrind).
        private static func nameWords(_ bytes: [UInt8]) -> [Range<Int>] {
            var words: [Range<Int>] = []
            var start: Int?
            for (index, byte) in bytes.enumerated() {
                let inWord = ASCIIBytes.isLetter(byte) || byte >= 0x80 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "'")
                if inWord, start == nil { start = index }
                if !inWord, let first = start {
                    words.append(first..<index)
                    start = nil
                }
            }
            if let first = start { words.append(first..<bytes.count) }
            return words
        }

        /// Whether `sentence` names the report's own force, by its name or short name.
        func namesOwn(in sentence: String) -> Bool {
            ownNames.contains { sentence.contains(ignoringASCIICase: $0) }
        }

        /// The first other force `sentence` names by a force's name: up to four words before "Police" or
        /// "Constabulary" that the registry knows ("Warwickshire Police", "Avon and Somerset Constabulary"). A short
        /// name alone is a place as often ("the South Wales regional organised crime unit"), and is passed over.
        func named(in sentence: String) -> String? {
            guard sentence.contains(ignoringASCIICase: "police") || sentence.contains(ignoringASCIICase: "constabulary") else { return nil }
            let bytes = Array(sentence.utf8)
            let words = Self.nameWords(bytes)
            func isForceWord(_ range: Range<Int>) -> Bool {
                let lower = bytes[range].map(ASCIIBytes.lower)
                return lower.elementsEqual("police".utf8) || lower.elementsEqual("constabulary".utf8)
            }
            for index in words.indices where index > 0 && isForceWord(words[index]) {
                for count in 1...min(4, index) {
                    let name = String(decoding: bytes[words[index - count].lowerBound..<words[index].upperBound], as: UTF8.self)
                    guard let id = registry.id(for: name) else { continue }
                    if id != forceID { return registry.force(id: id)?.name ?? name }
                    break  // the report's own force
                }
            }
            return nil
        }
    }

    /// Whether `sentence` holds a year (four digits from 1990 to 2099, no digit either side).
    static func namesYear(_ sentence: String) -> Bool {
        let bytes = Array(sentence.utf8)
        var run = 0
        for (index, byte) in bytes.enumerated() {
            guard byte &- 0x30 < 10 else {
                run = 0
                continue
            }
            run += 1
            if run == 4, index + 1 == bytes.count || bytes[index + 1] &- 0x30 >= 10,
               case let year = bytes[(index - 3)...index].reduce(0, { $0 * 10 + Int($1 - 0x30) }), (1990...2099).contains(year) {
                return true
            }
        }
        return false
    }

    /// Words that say a paragraph names a period: it may be the one a later sentence refers to.
    private static let periodCues = CueSet([Array("months to".utf8), Array("as at ".utf8)])

    /// The periods of earlier paragraphs, read lazily: most paragraphs that might name one are never needed.
    /// A paragraph counts if it holds a pattern's cue or a period cue; the period cues are only looked for
    /// here, so the scan every paragraph gets has no short cue to slow it ("as at " would cap its skips at 5).
    private struct PeriodHistory {
        private var known: [Period] = []
        /// Whether each paragraph so far held a pattern's cue.
        private var cued: [Bool] = []
        /// Paragraphs before this one have been read (or passed over for a later one that names a period).
        private var readBefore = 0

        mutating func append(cued: Bool) { self.cued.append(cued) }

        /// The periods of the latest paragraph before `position` that counts and names any, in its section: a heading
        /// between ("How satisfied are victims of crime …?") starts another subject, whose sentences do not name the
        /// period of the one before (none, then).
        mutating func latest(before position: Int, in paragraphs: Paragraphs, _ lines: NormalisedLines) -> [Period] {
            var index = position - 1
            var buffer: [UInt8] = []
            while index >= readBefore {
                if paragraphs.headingBefore(index + 1, lines) || paragraphs.lastCharacter(of: index, lines) == "?" {
                    known = []
                    break
                }
                paragraphs.bytes(of: index, lines, into: &buffer)
                if cued[index] || periodCues.find(in: buffer) != 0 {
                    let periods = Dates.periods(in: String(decoding: buffer, as: UTF8.self))
                    if !periods.isEmpty {
                        known = periods
                        break
                    }
                }
                index -= 1
            }
            readBefore = position
            return known
        }
    }

    /// Where a source line starts in a paragraph's text (in UTF-16 offsets, as matches are reported), and its number.
    struct LineStart {
        let offset: Int
        let line: Int

        /// The line that the text at `offset` stands on.
        static func line(atUTF16 offset: Int, in starts: [LineStart]) -> Int {
            var result = starts.first?.line ?? 0
            for start in starts where start.offset <= offset { result = start.line }
            return result
        }
    }

    /// A prose paragraph: a run of non-blank lines that are neither headings nor table rows, joined with spaces
    /// (and runs after it, where a page end broke a sentence). It is held as the indices of its lines; its text is
    /// built only where it is read. Plain values: the runs joined to it are a range of `Paragraphs.joinedRuns`, so
    /// the paragraphs are made and copied without reference counting (an array of runs in each was most of the
    /// time spent finding them: perf).
    struct Paragraph {
        let head: Range<Int>
        var joined: Range<Int> = 0..<0
    }

    /// A text's paragraphs, in order, and the runs of lines joined to them.
    struct Paragraphs {
        private(set) var items: [Paragraph] = []
        /// Each paragraph's joined runs, together and in order (a paragraph's runs are joined before any later one's).
        private(set) var joinedRuns: [Range<Int>] = []

        var count: Int { items.count }

        mutating func append(_ paragraph: Paragraph) { items.append(paragraph) }

        /// Joins `run` to the paragraph at `index`: the paragraph joined to last, or one after it (the target of a join is
        /// the latest paragraph that is no footnote, so no earlier one is joined to again).
        mutating func join(_ run: Range<Int>, to index: Int) {
            if items[index].joined.isEmpty { items[index].joined = joinedRuns.count..<joinedRuns.count }
            precondition(items[index].joined.upperBound == joinedRuns.count, "runs are joined to the latest paragraph that has any")
            joinedRuns.append(run)
            items[index].joined = items[index].joined.lowerBound..<joinedRuns.count
        }

        private func forEachLine(of index: Int, _ body: (Int) -> Void) {
            let paragraph = items[index]
            for line in paragraph.head { body(line) }
            for run in joinedRuns[paragraph.joined] { for line in run { body(line) } }
        }

        /// Whether a line of the paragraph holds an ASCII digit.
        func holdsASCIIDigit(_ index: Int, _ lines: NormalisedLines) -> Bool {
            var found = false
            forEachLine(of: index) { line in
                guard !found else { return }
                found = lines[line].withText(ByteSearch.containsASCIIDigit)
            }
            return found
        }

        /// The report's spellings of the words its lines' ends broke, looked up once each.
        let spellings = HyphenSpellings()

        /// The paragraph's text as bytes, its lines joined with single spaces, in `buffer` (emptied first); a line that
        /// ends in a word's hyphen joins the next without one ("anti-" + "social behaviour", `joinsWithoutSpace`), and
        /// without the hyphen where hyphenation set it ("reduc-" + "tion", `dropsHyphen`).
        func bytes(of index: Int, _ lines: NormalisedLines, into buffer: inout [UInt8]) {
            buffer.removeAll(keepingCapacity: true)
            var previous: Int?
            forEachLine(of: index) { line in
                if let previous {
                    if !Self.joinsWithoutSpace(lines[previous], lines[line]) {
                        buffer.append(0x20)
                    } else if spellings.dropsHyphen(lines[previous], lines[line], in: lines) {
                        buffer.removeLast()
                    }
                }
                lines[line].withText { buffer.append(contentsOf: $0) }
                previous = line
            }
        }

        /// A line that ends in a hyphen after a letter, then one that opens with a lower-case letter: a word broken at its
        /// hyphen where the line wrapped ("anti-" / "social"), joined as the findings reader joins it (here on the bytes,
        /// so ASCII letters only).
        static func joinsWithoutSpace(_ first: NormalisedLine, _ second: NormalisedLine) -> Bool {
            guard second.opening &- 0x61 < 26, first.byteCount >= 2 else { return false }
            return first.withText { $0[$0.count - 1] == UInt8(ascii: "-") && ($0[$0.count - 2] | 0x20) &- 0x61 < 26 }
        }

        func text(of index: Int, _ lines: NormalisedLines) -> String {
            var buffer: [UInt8] = []
            bytes(of: index, lines, into: &buffer)
            return String(decoding: buffer, as: UTF8.self)
        }

        /// Where each line starts in the text.
        func starts(of index: Int, _ lines: NormalisedLines) -> [LineStart] {
            var starts: [LineStart] = []
            var offset = 0
            var previous: Int?
            forEachLine(of: index) { line in
                if let previous, Self.joinsWithoutSpace(lines[previous], lines[line]) {
                    offset -= spellings.dropsHyphen(lines[previous], lines[line], in: lines) ? 2 : 1
                }
                starts.append(LineStart(offset: offset, line: lines[line].number))
                offset += lines[line].withText(Self.utf16Count) + 1
                previous = line
            }
            return starts
        }

        /// The UTF-16 length of valid UTF-8: a unit for each byte that starts a scalar, two for a four-byte one.
        private static func utf16Count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            // ASCII (most lines): a unit a byte, settled by the word-at-a-time search.
            let firstNonASCII = ByteSearch.firstNonASCII(in: bytes, from: 0)
            var count = firstNonASCII
            for byte in bytes[firstNonASCII...] where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
            return count
        }

        /// Whether the text starts with a footnote's number ("16 When a police force …"): its first line does, or
        /// that line is the number alone and the text goes on after it.
        func startsWithFootnote(_ index: Int, _ lines: NormalisedLines) -> Bool {
            let paragraph = items[index]
            // Either way the text opens with an ASCII digit: most paragraphs are passed over on their first byte.
            guard lines[paragraph.head.lowerBound].opening &- 0x30 < 10 else { return false }
            let first = lines[paragraph.head.lowerBound]
            if (1...3).contains(first.byteCount) && first.withText({ $0.allSatisfy { $0 &- 0x30 < 10 } }) {
                return paragraph.head.count > 1 || !paragraph.joined.isEmpty
            }
            return isFootnote(first.text)
        }

        /// Whether a heading line (markdown's, a bold line) stands between the paragraph and the one before it.
        func headingBefore(_ index: Int, _ lines: NormalisedLines) -> Bool {
            guard index > 0 else { return false }
            let previous = items[index - 1]
            let previousEnd = previous.joined.isEmpty ? previous.head.upperBound : joinedRuns[previous.joined.upperBound - 1].upperBound
            let start = items[index].head.lowerBound
            // A paragraph that goes on after this one (a footnote between its parts) has no section between them.
            guard previousEnd < start else { return false }
            return (previousEnd..<start).contains { lines[$0].isHeading }
        }

        /// Whether the paragraph's text ends with a month's name ("… as at 30 June").
        func endsWithMonth(_ index: Int, _ lines: NormalisedLines) -> Bool {
            let paragraph = items[index]
            let last = paragraph.joined.isEmpty ? paragraph.head : joinedRuns[paragraph.joined.upperBound - 1]
            let word = lines[last.upperBound - 1].text.split(separator: " ").last.map { $0.lowercased() } ?? ""
            return Dates.months.contains(word)
        }

        func lastCharacter(of index: Int, _ lines: NormalisedLines) -> Character? {
            let paragraph = items[index]
            let last = paragraph.joined.isEmpty ? paragraph.head : joinedRuns[paragraph.joined.upperBound - 1]
            // An ASCII byte after another is a Character of its own (only a non-ASCII scalar joins one, and a line holds
            // no CR LF): most lines end so, and their text is not made.
            let ascii = lines[last.upperBound - 1].withText { bytes -> Character? in
                guard let final = bytes.last, final < 0x80, bytes.count == 1 || bytes[bytes.count - 2] < 0x80, final != 0x0A else { return nil }
                return Character(Unicode.Scalar(final))
            }
            return ascii ?? lines[last.upperBound - 1].text.last
        }
    }

    /// Whether a hyphen that ended a line inside a word ("reduc-" / "tion of 13 percent", "com-" / "pared with")
    /// was hyphenation's, which the word does not have (`LineEndHyphens`: the report prints the word whole, or the
    /// rest is an ending no compound takes): the sentence patterns read the word whole. Each word looked up once
    /// (a paragraph's text is made again where a later sentence asks for its period).
    final class HyphenSpellings {
        private var known: [LineEndHyphens.Word: LineEndHyphens.Spelling] = [:]

        /// Asked only of two lines `joinsWithoutSpace` joins.
        func dropsHyphen(_ first: NormalisedLine, _ second: NormalisedLine, in lines: NormalisedLines) -> Bool {
            let before = first.withText { bytes in
                Array(bytes[..<(bytes.count - 1)].reversed().prefix(while: ASCIIBytes.isLetter).reversed())
            }
            let after = second.withText { Array($0.prefix(while: ASCIIBytes.isLetter)) }
            return LineEndHyphens.spelling(first: before, second: after, in: lines, known: &known) == .whole
        }
    }

    static func paragraphs(_ lines: NormalisedLines) -> Paragraphs {
        var out: [Paragraph] = []
        var start: Int?
        // Asked of every line on its marks alone: the text is not touched (nor retained).
        for index in lines.indices {
            if lines[index].isBlank || lines[index].isHeading || lines[index].holdsTab {
                if let first = start { out.append(Paragraph(head: first..<index)) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { out.append(Paragraph(head: first..<lines.count)) }
        return joinBrokenSentences(out, lines)
    }

    /// The paragraphs' texts, as the patterns see them.
    static func paragraphTexts(_ lines: NormalisedLines) -> [String] {
        let paragraphs = paragraphs(lines)
        return paragraphs.items.indices.map { paragraphs.text(of: $0, lines) }
    }

    /// PDF extraction breaks a sentence at a page end: "… per one million population;" then the footnotes,
    /// then "this is slightly lower than …". A paragraph that starts in lower case continues the last
    /// paragraph that did not end a sentence, skipping footnotes ("16 When a police force …") between them.
    private static func joinBrokenSentences(_ paragraphs: [Paragraph], _ lines: NormalisedLines) -> Paragraphs {
        var out = Paragraphs()
        var footnote: [Bool] = []
        for paragraph in paragraphs {
            // A paragraph's first Character is its first line's (a line is never blank). The paragraphs found have
            // nothing joined to them yet: only their head is joined. So too one that opens with a year after one that
            // ends with a month: a date a blank line parted (pdfplumber's layout mode sets one where lines stand further
            // apart: "… as at 30 June" / "" / "2015. 'Drug activity' …", the period lost).
            // (The line is read in place, on its marks: a copy of it, retained and released, for every paragraph cost 3 M
            // instructions on the 20 MB corpus; callgrind.)
            let first = paragraph.head.lowerBound
            let lowercase = startsLowercase(lines[first])
            if lowercase || (lines[first].opening &- 0x31 < 2 && opensWithYear(lines[first])),
               let target = footnote.lastIndex(of: false), out.count - target <= 4,
               let last = out.lastCharacter(of: target, lines), !".!?:".contains(last),
               lowercase || out.endsWithMonth(target, lines) {
                out.join(paragraph.head, to: target)
                continue
            }
            out.append(paragraph)
            footnote.append(out.startsWithFootnote(out.count - 1, lines))
        }
        return out
    }

    /// Whether a line opens with a year ("2015", "2015."), 1990 to 2100: four digits and no fifth.
    private static func opensWithYear(_ line: NormalisedLine) -> Bool {
        guard line.opening &- 0x31 < 2, line.byteCount >= 4 else { return false }
        return line.withText { bytes in
            guard bytes[0..<4].allSatisfy({ $0 &- 0x30 < 10 }), bytes.count == 4 || bytes[4] &- 0x30 >= 10 else { return false }
            let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return (1990...2100).contains(year)
        }
    }

    /// `text.first?.isLowercase` of a line, read from its first two bytes when its first character is a lone ASCII byte
    /// (an ASCII byte is a whole character unless a combining mark, non-ASCII, or CR LF follows): then the text is not
    /// touched.
    private static func startsLowercase(_ line: NormalisedLine) -> Bool {
        let first = line.opening
        if first != 0 && first < 0x80 && first != 0x0D && line.secondByte < 0x80 { return first >= 0x61 && first <= 0x7A }
        return line.text.first?.isLowercase ?? false
    }

    /// One to three digits, then a space. Asked of every paragraph, so read on the bytes where the first five are
    /// ASCII (then each byte is a whole Character: only a non-ASCII scalar could combine with one).
    private static func isFootnote(_ text: String) -> Bool {
        // Indexed on the contiguous bytes: the generic prefix views cost more than the test.
        let onBytes = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            let count = min(bytes.count, 5)
            for index in 0..<count where bytes[index] >= 0x80 { return nil }
            var digits = 0
            while digits < count && bytes[digits] &- 0x30 < 10 { digits += 1 }
            return (1...3).contains(digits) && digits < count && bytes[digits] == 0x20
        }
        if let onBytes, let answer = onBytes { return answer }
        let digits = text.prefix { $0.isASCIIDigit }
        return !digits.isEmpty && digits.count <= 3 && text.dropFirst(digits.count).first == " "
    }
}
