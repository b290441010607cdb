#include "chunker.h"

#include "tokens.h"

namespace presslens {
namespace {

constexpr int kMaxPhrase = 30;     // tokens in a phrase
constexpr int kClauseWindow = 60;  // tokens scanned back for the start of a clause

}  // namespace

ChunkerLexicon::ChunkerLexicon() {
  det = &lex.List("determiner");
  pronoun = &lex.List("pronoun");
  stop = &lex.List("stop");
  complement = &lex.List("complement");
  adverb = &lex.List("adverb");
  time = &lex.List("time");
  speech = &lex.List("speech");
  naming = &lex.List("naming");
  refusal = &lex.List("refusal");
  denial = &lex.List("denial");
  request = &lex.List("request");
  light = &lex.List("light");
  dismissal = &lex.List("dismissal");
  provoke = &lex.List("provoke");
  provoke_agent = &lex.List("provoke-with-agent");
  control = &lex.List("control");
  hypothetical = &lex.List("hypothetical");
  negator = &lex.List("negator");
  aux = &lex.List("aux");
  passive_aux = &lex.List("passive-aux");
  irregular_participle = &lex.List("irregular-participle");
  deontic = &lex.List("deontic");
  weekday_determiner = &lex.List("weekday-determiner");
  first_person = &lex.List("first-person");
  deictic_time = &lex.List("deictic-time");
  time_opener = &lex.List("time-opener");
  clause_conjunction = &lex.List("clause-conjunction");
  approximator = &lex.List("approximator");
  subject_lead = &lex.List("subject-lead");
  subordinator = &lex.List("subordinator");
  epistemic_modal = &lex.List("epistemic-modal");
  future_to = &lex.List("future-to");
  negative_to = &lex.List("negative-to");
  verb_object_pronoun = &lex.List("verb-object-pronoun");
}

// Lower-case words are views into the document's lower-case text, and their hashes the
// tokenizer's folded hashes (see Chunker::L() and H()). Curly apostrophes in clitics get one
// spelling: "’s" is read as "'s", written into clitic_text (rare: the views are made once the
// buffer is complete, so that growing it moves nothing seen).
void ChunkIndex::Build(Document* document) {
  FillLowerCase(document);
  const Document& doc = *document;
  const auto& tokens = doc.tokens;
  const size_t n = tokens.size();
  const char* lower = doc.lower_text.data();
  clitic_text.clear();
  respelled.clear();
  for (size_t i = 0; i < n; ++i) {
    if (!Chunker::CurlyClitic(tokens[i], lower)) continue;
    const std::string_view w(lower + tokens[i].start, tokens[i].end - tokens[i].start);
    size_t p = w.find("\xE2\x80\x99");
    if (p == std::string_view::npos) continue;
    respelled.push_back({static_cast<int>(i), std::string_view(), 0});
    respelled.back().hash = clitic_text.size();  // the offset, until the buffer is done
    clitic_text.append(w.substr(0, p));
    clitic_text.push_back('\'');
    clitic_text.append(w.substr(p + 3));
  }
  for (size_t k = 0; k < respelled.size(); ++k) {
    Respelled& r = respelled[k];
    const size_t end = k + 1 < respelled.size() ? respelled[k + 1].hash : clitic_text.size();
    r.word = std::string_view(clitic_text).substr(r.hash, end - r.hash);
    r.hash = Hash(kHashSeed, r.word);
  }
  token_marks.assign(n, 0);
  // A block's base is the first mention with a token in it (-1 until one is seen).
  mention_base.assign((n >> TokenMentions::kBlockBits) + 1, -1);
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    for (int k = std::max(doc.mentions[m].first, 0); k < doc.mentions[m].last && k < (int)n; ++k) {
      int& base = mention_base[k >> TokenMentions::kBlockBits];
      if (base < 0) base = static_cast<int>(m);
      token_marks[k] = static_cast<uint8_t>((static_cast<int>(m) - base + 1)
                                            << TokenMentions::kMentionShift);
    }
  }
  for (const QuoteSpan& q : doc.quote_spans) {
    if (q.open_token >= 0 && q.open_token < (int)n)
      token_marks[q.open_token] = static_cast<uint8_t>((token_marks[q.open_token] & ~3) | 1);
    if (q.close_token >= 0 && q.close_token < (int)n)
      token_marks[q.close_token] = static_cast<uint8_t>((token_marks[q.close_token] & ~3) | 2);
  }
}

// Target noun phrase from token i: pre-modifiers, head, of/by/against/on/for complements,
// coordination ("hegemony, tyranny and bullying"), quotation marks that belong to it and a
// short "imposed by X" participle. Cuts relative and other participle clauses (ANNOTATION.md).
// stop_prep: a complement preposition that must end the phrase ("of" after "accuse X").
Phrase Chunker::ForwardNP(int i, int end, const char* stop_prep, bool depth_ok) const {
  end = std::min(end, i + kMaxPhrase);
  int k = i;
  // A free relative names its thing after the words that frame it: "what they termed
  // 'unlawful sanctions'", "what they said were unsafe conditions".
  if (k < end && L(k) == "what") {
    for (int j = k + 1; j < std::min(end, k + 5); ++j) {
      if (Word(j) && (Is(words_.naming, j) || Is(words_.speech, j))) {
        k = j + 1;
        if (k < end && L(k) == "as") ++k;
        if (Is(words_.speech, j) && k < end && Is(words_.passive_aux, k)) ++k;
        break;
      }
    }
  }
  int start = k;
  int open_marks = 0;
  bool content = false;   // a content word seen in the current conjunct
  int last_good = -1;     // last token that may end the phrase
  bool participle_used = false;
  while (k < end) {
    TokenKind kind = Kind(k);
    if (kind == TokenKind::kQuote) {
      if (open_mark_[k] == 2 || (open_mark_[k] == 0 && open_marks > 0)) {
        if (open_marks == 0) break;
        --open_marks;
        last_good = k;
        ++k;
        continue;
      }
      if (open_mark_[k] == 1 || open_mark_[k] == 0) {
        if (content) break;  // a new quote after the phrase: not part of it
        ++open_marks;
        ++k;
        continue;
      }
    }
    if (kind == TokenKind::kClitic) {
      if (!content) break;
      ++k;  // possessive 's
      continue;
    }
    if (Word(k) && Is(words_.det, k) && !content) {
      ++k;
      continue;
    }
    // "Mr. Trump", "Arizona Sen. John McCain": a period inside the sentence after a
    // capitalised word, before a capitalised one, is an abbreviation's.
    if (content && Punct(k, ".") && !doc_.tokens[k].space_before && k + 1 < end &&
        Word(k + 1) && Cap(k + 1) && Word(k - 1) && Cap(k - 1)) {
      ++k;
      continue;
    }
    if (Word(k) && (L(k) == "and" || L(k) == "or") && content) {
      // Coordination only when another noun phrase follows.
      int n = k + 1;
      bool verb = n < end && Word(n) && !Cap(n) &&
                  (VerbLike(n) || Is(words_.speech, n) || Is(words_.refusal, n) ||
                   Is(words_.control, n));
      if (n < end && !verb && (Kind(n) == TokenKind::kQuote || Is(words_.det, n) || Cap(n) ||
                               IsGerundHead(n, end) ||
                               (Content(n) && !LooksParticiple(n) && !IsCueForm(n) &&
                                !Adverb(n)))) {
        content = false;
        k = n;
        continue;
      }
      break;
    }
    if (Punct(k, ",") && content) {
      // A list "A, B and C": continue only when "and"/"or" closes it after noun-phrase words.
      int n = k + 1;
      bool list = false;
      while (n < end && n < k + 8) {
        if (Word(n) && (L(n) == "and" || L(n) == "or")) {
          list = n > k + 1;
          break;
        }
        if (!(Content(n) || Is(words_.det, n) || Kind(n) == TokenKind::kQuote) || IsCueForm(n) ||
            (LooksParticiple(n) && !IsGerundHead(n, end)))
          break;
        ++n;
      }
      if (!list) break;
      content = false;
      ++k;
      continue;
    }
    if (Word(k) && Is(words_.complement, k) && content) {
      if (stop_prep && StopsAt(stop_prep, L(k))) break;
      int n = SkipTime(k, end);
      if (n != k) break;  // "on Saturday": not a complement
      if (!depth_ok) break;
      Phrase sub = ForwardNP(k + 1, end, stop_prep, false);
      if (sub.empty()) break;
      last_good = sub.last - 1;
      k = sub.last;
      // The closing mark of a quote the phrase opened: "\"charters of shame\"".
      while (k < end && open_marks > 0 && Kind(k) == TokenKind::kQuote && open_mark_[k] != 1) {
        --open_marks;
        last_good = k++;
      }
      break;  // one complement is enough to name the target
    }
    if (Content(k)) {
      // A gerund opening the phrase takes an object: "lifting the ban".
      if (!content && k == start && LooksParticiple(k) && L(k).size() > 4 &&
          L(k).compare(L(k).size() - 3, 3, "ing") == 0) {
        last_good = k;
        ++k;
        continue;
      }
      // A gerund head ending the phrase ("Cold War thinking and ...", "bullying,") or after
      // a possessive ("Clinton's signing of the bill").
      if (content && (IsGerundHead(k, end) || (k - 1 >= start && Possessive(k - 1)))) {
        last_good = k;
        ++k;
        continue;
      }
      if (content && LooksParticiple(k)) {
        // "sanctions imposed by the West" stays; other participle clauses are cut.
        std::string_view w = L(k);
        if (!participle_used && w.size() > 2 && w.substr(w.size() - 2) == "ed" && k + 1 < end &&
            L(k + 1) == "by" && depth_ok) {
          Phrase agent = ForwardNP(k + 2, end, nullptr, false);
          if (!agent.empty()) {
            participle_used = true;
            last_good = agent.last - 1;
            k = agent.last;
          }
        }
        break;
      }
      // "the referee cost him a fine": a word before an object-only pronoun is a verb.
      if (content && k + 1 < end && doc_.tokens[k + 1].end - doc_.tokens[k + 1].start <= 4 &&
          Word(k + 1) && !Cap(k + 1) && !Cap(k) && Is(words_.verb_object_pronoun, k + 1))
        break;
      // The next cue ("..., oppose X"), unless it is the head noun of a compound ("a missile
      // attack", the quoted "terror" attack).
      if (content && IsCueForm(k) && !Cap(k) &&
          !(IsNounCue(k) && k - 1 >= start && (Content(k - 1) || Kind(k - 1) == TokenKind::kQuote)))
        break;
      content = true;
      last_good = k;
      ++k;
      continue;
    }
    break;
  }
  if (last_good < start) return {};
  // Trim a dangling opening mark or conjunction.
  return {start, last_good + 1};
}

// Noun phrase ending at token j (inclusive), not before lo: "China and Russia",
// "Palestinians in the West Bank and Gaza", "Iran's intelligence minister Ali Fallahiyan".
Phrase Chunker::BackwardNP(int j, int lo) const {
  int k = j;
  int first = -1;
  int close_marks = 0;
  while (k >= lo && j - k < kMaxPhrase) {
    TokenKind kind = Kind(k);
    if (Punct(k, ")")) {
      // "The Kurdistan Democratic Party (KDP)", "India's Home (interior) Minister".
      int open = k - 1;
      while (open >= lo && k - open < 8 && !Punct(open, "(") && !Punct(open, ")")) --open;
      if (open < lo || !Punct(open, "(") || open == lo) break;
      if (first < 0) j = open - 1;  // the phrase ends before the parenthesis
      k = open - 1;
      continue;
    }
    if (kind == TokenKind::kQuote) {
      if (open_mark_[k] == 2) {
        ++close_marks;
        --k;
        continue;
      }
      if (close_marks > 0) {
        --close_marks;
        first = k;
        --k;
        continue;
      }
      break;
    }
    if (kind == TokenKind::kClitic) {
      if (!Possessive(k) || k - 1 < lo) break;
      --k;
      continue;
    }
    if (Word(k) && Is(words_.det, k)) {
      if (first < 0 || L(k) == "that") break;  // "reported that Prime Minister X": not a det
      first = k;
      if (k - 1 >= lo && Word(k - 1) && Is(words_.det, k - 1) && !Is(words_.pronoun, k - 1)) {
        --k;  // "the two ministers", "all the parties"
        continue;
      }
      // "leaders in the West Bank": an inner preposition after a noun continues the phrase.
      if (k - 2 >= lo && Word(k - 1) && InnerPrep(k - 1) && Content(k - 2) &&
          !LooksParticiple(k - 2) && !IsVerbCue(k - 2)) {
        k -= 2;
        continue;
      }
      break;
    }
    if (Word(k) && (L(k) == "and" || L(k) == "&" || InnerPrep(k)) && first >= 0) {
      // "China and Russia", "civic organisations and unions"; not "programme and Evert".
      bool mixed = L(k) == "and" && k + 1 <= j && Word(k - 1) && Word(k + 1) &&
                   !Cap(k - 1) && Cap(k + 1);
      if (!mixed && k - 1 >= lo &&
          (Content(k - 1) || Possessive(k - 1) || Kind(k - 1) == TokenKind::kQuote) &&
          !LooksParticiple(k - 1) && (Cap(k - 1) || !Is(words_.speech, k - 1))) {
        --k;
        continue;
      }
      break;
    }
    if (Punct(k, "&") && first >= 0) {
      --k;
      continue;
    }
    if (Content(k) && (Cap(k) || (!Is(words_.speech, k) && !IsVerbCue(k)))) {
      // A lower-case -ed/-ing word is a verb unless a determiner makes it an adjective.
      if (LooksParticiple(k) && !(k - 1 >= lo && Is(words_.det, k - 1))) break;
      first = k;
      --k;
      continue;
    }
    if (Word(k) && Is(words_.pronoun, k) && first < 0) {
      return {k, k + 1};
    }
    break;
  }
  if (first < 0) return {};
  return {first, j + 1};
}

// The subject that ends at token j: a noun phrase, a pronoun, the antecedent of a relative
// pronoun ("The Commission -- which has ..."), or the phrase before an appositive
// ("Freddy Pinas, a Surinamese-born visitor from the Netherlands, accused").
Phrase Chunker::SubjectBefore(int j, int lo) const {
  if (j < lo) return {};
  if (Word(j) && (L(j) == "which" || L(j) == "who" || L(j) == "that")) {
    int k = j - 1;
    while (k >= lo && (Punct(k, ",") || Dash(k))) --k;
    return BackwardNP(k, lo);
  }
  if (Punct(j, ",") || Dash(j)) {
    // An appositive or inserted clause: the subject is before its opening comma.
    bool dash = Dash(j);
    while (j - 1 >= lo && Dash(j - 1)) --j;
    for (int k = j - 1; k >= lo && j - k < 25; --k) {
      if (Punct(k, ",") || (dash && Dash(k))) {
        if (k == j - 1) return {};
        while (k - 1 >= lo && Dash(k - 1)) --k;
        // "the leadership, who, on a press call Friday, criticized": a relative pronoun
        // before the inserted phrase.
        if (k - 1 >= lo && Word(k - 1) && (L(k - 1) == "who" || L(k - 1) == "which"))
          return SubjectBefore(k - 1, lo);
        Phrase p = BackwardNP(k - 1, lo);
        if (!p.empty() && (p.first == lo || !Content(p.first - 1))) return p;
        return {};
      }
      if (Punct(k, ";") || Punct(k, ":")) return {};
    }
    return {};
  }
  return BackwardNP(j, lo);
}

// The subject of the clause a non-finite cue hangs from ("Arafat, attacking ...",
// "it has backed it diplomatically in blaming the West", "observed a strike to protest").
Phrase Chunker::ClauseSubject(int cue) const {
  // Nearest clause start before the cue: after a comma or semicolon, or the sentence start,
  // searched at most kClauseWindow tokens back (a sentence has no length limit).
  const int sent_lo = SentFirst(cue);
  const int lo = std::max(sent_lo, cue - kClauseWindow);
  for (int k = cue - 1; k >= lo - 1; --k) {
    bool start = k < sent_lo || Punct(k, ",") || Punct(k, ";") || Dash(k);
    if (!start) continue;
    int s = k + 1;
    while (s < cue && (Kind(s) == TokenKind::kQuote || (Word(s) &&
                       Is(words_.clause_conjunction, s))))
      ++s;
    // "About 3,500 workers", "Nearly 200 people": a quantity before the subject.
    if (s + 1 < cue && Word(s) && Kind(s + 1) == TokenKind::kNumber &&
        Is(words_.approximator, s))
      ++s;
    if (s >= cue - 1) continue;
    if (Word(s) && Is(words_.pronoun, s) && !Is(words_.first_person, s)) {
      if (s + 1 < cue && (Is(words_.aux, s + 1) || Content(s + 1) || Adverb(s + 1) ||
                          Is(words_.irregular_participle, s + 1)))  // "He sent tweets ..."
        return {s, s + 1};
    }
    Phrase p = ForwardNP(s, cue, nullptr, true);  // "Thousands of workers"
    if (p.empty() || p.last >= cue) continue;
    // "The opposition party Radical Cause controls ...": a verb after a name is not part of it.
    if (p.last - p.first >= 2 && Word(p.last - 1) && !Cap(p.last - 1) &&
        mention_at_[p.last - 2] >= 0 && mention_at_[p.last - 1] < 0)
      p.last -= 1;
    if (Word(p.first) && Is(words_.stop, p.first)) continue;
    if (LooksParticiple(p.first)) continue;  // ", called by the opposition, ..."
    int n = p.last;
    // "NP verb ..." or a sentence-initial "NP, ..." (subject of the whole sentence).
    if (Is(words_.aux, n) || Adverb(n) || (Content(n) && !Cap(n)) || k < sent_lo) {
      if (Kind(p.first) == TokenKind::kWord && Is(words_.hypothetical, p.first)) continue;
      return p;
    }
  }
  // A fronted participle phrase ("Accusing Netanyahu of stupidity, Arafat launched ...",
  // "But, in rejecting the offer, the Names would ..."): the subject follows its comma.
  for (int k = sent_lo; k < cue; ++k) {
    bool lead = Kind(k) == TokenKind::kQuote || Punct(k, ",") ||
                (Word(k) && Is(words_.subject_lead, k));
    if (!lead) return {};
  }
  int hi = SentLast(cue);
  for (int k = cue + 1; k < hi && k < cue + 30; ++k) {
    if (!Punct(k, ",")) continue;
    int s = k + 1;
    // "Besides attacking X, while the audience booed, Mr. Trump asserted ...": a subordinate
    // clause before the subject.
    if (s < hi && Word(s) && Is(words_.subordinator, s)) continue;
    // Bemoaning the "phony system," Trump ...: the comma inside the closing mark.
    while (s < hi && Kind(s) == TokenKind::kQuote && open_mark_[s] == 2) ++s;
    if (s < hi && Word(s) && Is(words_.pronoun, s) && !Is(words_.first_person, s))
      return {s, s + 1};
    Phrase p = ForwardNP(s, hi, nullptr, false);
    if (p.empty() || p.last >= hi) return {};
    int n = p.last;
    if (Is(words_.aux, n) || Adverb(n) || (Content(n) && !Cap(n)) ||
        Is(words_.irregular_participle, n) || Is(words_.speech, n))
      return p;
    return {};
  }
  return {};
}


// "Wang said Beijing and Moscow should oppose ...": the phrase of the speaker, or empty.
Phrase Chunker::SpeakerOfReportedClause(Phrase subject) const {
  int k = subject.first - 1;
  int lo = SentFirst(subject.first);
  if (k >= lo && L(k) == "that") --k;
  if (k < lo || !Word(k) || !Is(words_.speech, k)) return {};
  int j = k - 1;
  while (j >= lo && Adverb(j)) --j;
  // "described the incident as shocking, but said Moura was also to blame".
  if (j >= lo && Word(j) && (L(j) == "and" || L(j) == "but")) return ClauseSubject(j);
  return SubjectBefore(j, lo);
}

// The doer of a clause starting at i: its subject, or in a passive clause ("that he had been
// abused by Bernardin") the agent.
Phrase Chunker::ClauseAgent(int i, int hi) const {
  Phrase target =
      i < hi && Is(words_.pronoun, i) ? Phrase{i, i + 1} : ForwardNP(i, hi, nullptr, false);
  if (target.empty()) return target;
  // A passive clause ("that he had been abused by X", "that a judge had been subjected to
  // pressure"): its subject undergoes the act; the doer is the agent, when stated.
  int v = target.last;
  while (v < hi && v < target.last + 4 && (Is(words_.aux, v) || Adverb(v))) ++v;
  bool passive = false;
  for (int b = target.last; b < v; ++b) passive |= Is(words_.passive_aux, b);
  // A past participle: "-ed" or an irregular one ("were breaking" is not passive).
  bool participle = v < hi && Word(v) &&
                    ((L(v).size() > 3 && L(v).compare(L(v).size() - 2, 2, "ed") == 0) ||
                     Is(words_.irregular_participle, v));
  // "alleging that she claimed during the divorce that he had raped her": the doer of the
  // reported clause.
  if (!passive && v < hi && Word(v) && Is(words_.speech, v)) {
    for (int b = v + 1; b < hi && b < v + 8; ++b) {
      if (Punct(b, ",") || Punct(b, ";")) break;
      if (L(b) == "that") return ClauseAgent(b + 1, hi);
    }
  }
  if (!passive || !participle) return target;
  for (int b = v + 1; b < hi && b < v + 10; ++b) {
    if (Punct(b, ",") || Punct(b, ";")) break;
    if (L(b) == "by") return ForwardNP(b + 1, hi, nullptr, false);
  }
  return {};
}

int Chunker::CueLast(int i, const CueEntry& e, int hi) const {
  int k = i + 1;
  for (std::string_view w : e.rest) {
    // "rails loudly against", "found no fault with", "has a problem with": an adverb, a
    // determiner or a negator between the words.
    if (k + 1 < hi && L(k) != w && L(k + 1) == w && Word(k) &&
        (Adverb(k) || Is(words_.det, k) || Is(words_.negator, k)))
      ++k;
    if (k >= hi || L(k) != w) return -1;
    ++k;
  }
  return k - 1;
}

// Walks back from the verb over auxiliaries, adverbs, negators, "to", time phrases and
// parentheses.
VerbGroup Chunker::VerbGroupBefore(int verb) const {
  VerbGroup group;
  // Bounded so that a pathological run of adverbs cannot make the pass quadratic.
  int lo = std::max(SentFirst(verb), verb - 16);
  int k = verb - 1;
  while (k >= lo) {
    std::string_view w = L(k);
    // "Bob Goodlatte (R-Va.) condemned": a parenthesis after the subject's last word is
    // skipped whole; "(We must) oppose" keeps its words.
    if (Punct(k, ")")) {
      int open = k - 1;
      while (open >= lo && k - open < 10 && !Punct(open, "(") && !Punct(open, ")")) --open;
      k = open - 1 >= lo && Punct(open, "(") && Word(open - 1) ? open - 1 : k - 1;
      continue;
    }
    if (Punct(k, "(")) { --k; continue; }
    if (Kind(k) == TokenKind::kClitic && w == "n't") { group.negated = true; --k; continue; }
    // Moscow "strongly condemns" the strike: the opening mark of a quote around the verb.
    if (Kind(k) == TokenKind::kQuote && open_mark_[k] == 1) { --k; continue; }
    if (!Word(k) && Kind(k) != TokenKind::kClitic) break;
    if (Is(words_.negator, k)) { group.negated = true; --k; continue; }
    // "has not yet condemned", "never yet criticised": "yet" after a negator.
    if (w == "yet" && k - 1 >= lo && Is(words_.negator, k - 1)) { --k; continue; }
    if (Is(words_.aux, k)) {
      if (Is(words_.passive_aux, k)) group.passive = true;
      if (Is(words_.deontic, k)) group.deontic = true;
      if (Is(words_.epistemic_modal, k)) group.epistemic = true;
      --k;
      continue;
    }
    if (w == "to") {
      // "is going to condemn" is finite; "has yet to condemn" is finite and negated.
      if (k - 1 >= lo && Word(k - 1) &&
          (Is(words_.future_to, k - 1) || Is(words_.negative_to, k - 1))) {
        group.negated |= Is(words_.negative_to, k - 1);
        k -= 2;
        continue;
      }
      group.infinitive = true;
      --k;
      continue;
    }
    // "Bob Dole Wednesday accused": a bare weekday.
    if (Cap(k) && Is(words_.time, k) && w.size() > 5 && w.compare(w.size() - 3, 3, "day") == 0 &&
        !(k - 1 >= lo && Is(words_.weekday_determiner, k - 1))) {
      --k;
      continue;
    }
    if (Adverb(k)) { --k; continue; }
    // "on Friday" between subject and verb.
    const int time = TimeBefore(k, lo, verb);
    if (time > k) break;
    k = time - 1;
  }
  group.first = k + 1;
  return group;
}

}  // namespace presslens
