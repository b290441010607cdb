// Condemnations without a parser: each cue occurrence is read with a few local patterns
// (active, passive, nominal, "accuse X of Z", "blame X for Z" / "blame Z on X", that-clauses,
// participial adjuncts) over the tokens of its sentence. Noun phrases are chunked with closed
// word classes (data/condemnation-words.txt): everything that is not a stop word, punctuation
// or an adverb counts as part of a noun phrase. All scans are bounded by the sentence and small
// windows, so the pass is linear in the text.
#include "condemnations.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "condemnation_lexicon.h"
#include "tokens.h"

namespace presslens {
namespace {

using WordSet = WordHashSet;

constexpr int kMaxPhrase = 30;   // tokens in a target or source phrase
constexpr int kLookBack = 400;   // tokens scanned back for a pronoun's antecedent or a pair
constexpr int kClauseWindow = 60;  // tokens scanned back for the start of a clause

}  // namespace

struct CondemnationFinder::Tables {
  CueLexicon lex;
  // data/condemnation-words.txt
  const WordSet *det, *pronoun, *stop, *complement, *adverb, *time, *speech, *naming, *provoke,
      *negator, *refusal, *request, *hypothetical, *light, *dismissal, *verbal_object, *claim,
      *caution, *provoke_agent, *actor_noun, *control, *event, *document;
  // data/en/function-words.txt
  const WordSet *passive_aux, *aux, *deontic, *first_person, *irregular_participle, *deictic_time,
      *time_opener, *clause_conjunction, *approximator, *subject_lead, *weekday_determiner,
      *conditional, *head_end, *possessive_pronoun, *noun_after_adjective, *noun_before,
      *object_pronoun;
  Tables() {
    det = &lex.List("determiner");
    pronoun = &lex.List("pronoun");
    stop = &lex.List("stop");
    complement = &lex.List("complement");
    adverb = &lex.List("adverb");
    time = &lex.List("time");
    speech = &lex.List("speech");
    naming = &lex.List("naming");
    provoke = &lex.List("provoke");
    negator = &lex.List("negator");
    refusal = &lex.List("refusal");
    request = &lex.List("request");
    hypothetical = &lex.List("hypothetical");
    light = &lex.List("light");
    dismissal = &lex.List("dismissal");
    verbal_object = &lex.List("verbal-object");
    claim = &lex.List("claim");
    caution = &lex.List("caution");
    provoke_agent = &lex.List("provoke-with-agent");
    actor_noun = &lex.List("actor-noun");
    control = &lex.List("control");
    event = &lex.List("event");
    document = &lex.List("document");
    passive_aux = &lex.List("passive-aux");
    aux = &lex.List("aux");
    deontic = &lex.List("deontic");
    first_person = &lex.List("first-person");
    irregular_participle = &lex.List("irregular-participle");
    deictic_time = &lex.List("deictic-time");
    time_opener = &lex.List("time-opener");
    clause_conjunction = &lex.List("clause-conjunction");
    approximator = &lex.List("approximator");
    subject_lead = &lex.List("subject-lead");
    weekday_determiner = &lex.List("weekday-determiner");
    conditional = &lex.List("conditional");
    head_end = &lex.List("head-end");
    possessive_pronoun = &lex.List("possessive-pronoun");
    noun_after_adjective = &lex.List("noun-after-adjective");
    noun_before = &lex.List("noun-before");
    object_pronoun = &lex.List("object-pronoun");
  }
};

namespace {

// A token range [first, last).
struct Phrase {
  int first = -1, last = -1;
  bool empty() const { return last <= first; }
};


// A clitic respelled with ' (see the Reader's constructor).
struct Respelled {
  int token;
  std::string_view word;  // in clitic_text
  uint64_t hash;          // Hash(kHashSeed, word)
};

// The Reader's per-token arrays, kept per thread between calls: a short article would
// otherwise allocate (and free) each of them on every call. The Reader empties them first;
// CondemnationFinder::Run drops them after a very long text.
}  // namespace

// The pass's buffers, kept by the caller from one Run to the next (condemnations.h).
struct CondemnationScratch {
  std::string clitic_text;
  std::vector<Respelled> respelled;
  std::vector<int> mention_at, quote_at;
  std::vector<uint8_t> open_mark;
  std::vector<CueFormRef> order;  // Run(): a word's cue readings, longest first
};

namespace {

// Everything one Run needs about the document, computed once.
class Reader {
 public:
  PRESSLENS_OUT_OF_LINE Reader(const CondemnationFinder::Tables& t, Document* doc,
                               CondemnationScratch* scratch)
      : t_(t),
        lex_(t.lex),
        doc_(*doc),
        lower_text_(doc->lower_text.data()),
        folded_(doc->folded_hash.data()),
        s_(*scratch) {
    SwapScratch();  // the arrays are plain members while the Reader reads (one load less each)
    const auto& tokens = doc_.tokens;
    size_t n = tokens.size();
    clitic_text_.clear();
    respelled_.clear();
    // Lower-case words are views into the document's lower-case text, and their hashes the
    // tokenizer's folded hashes (see L() and H()). Curly apostrophes in clitics get one
    // spelling: "’s" is read as "'s", written into a buffer of the Reader's own (rare: the
    // views are made once the buffer is complete, so that growing it moves nothing seen).
    for (size_t i = 0; i < n; ++i)
      if (CurlyClitic(tokens[i])) Respell(static_cast<int>(i));
    for (size_t k = 0; k < respelled_.size(); ++k) {
      Respelled& r = respelled_[k];
      const size_t end = k + 1 < respelled_.size() ? respelled_[k + 1].hash : clitic_text_.size();
      r.word = std::string_view(clitic_text_).substr(r.hash, end - r.hash);
      r.hash = Hash(kHashSeed, r.word);
    }
    mention_at_.assign(n, -1);
    for (size_t m = 0; m < doc_.mentions.size(); ++m)
      for (int k = doc_.mentions[m].first; k < doc_.mentions[m].last && k < (int)n; ++k)
        mention_at_[k] = static_cast<int>(m);
    quote_at_.assign(n, -1);
    open_mark_.assign(n, 0);
    int qi = 0;
    for (const QuoteSpan& q : doc_.quote_spans) {
      if (q.open_token >= 0 && q.open_token < (int)n) open_mark_[q.open_token] = 1;
      if (q.close_token >= 0 && q.close_token < (int)n) open_mark_[q.close_token] = 2;
      if (q.nested) continue;
      int index = qi++;
      if (index >= static_cast<int>(doc_.quotes.size())) continue;
      for (int k = q.first; k < q.last && k < (int)n; ++k) quote_at_[k] = index;
    }
  }

  ~Reader() { SwapScratch(); }

  // Token i's lower-case text with ' for ’ into clitic_text_ (out of line: the constructor's
  // loop over every token stays small).
  PRESSLENS_OUT_OF_LINE void Respell(int i) {
    const Token& tok = doc_.tokens[i];
    const std::string_view w(lower_text_ + tok.start, tok.end - tok.start);
    size_t p = w.find("\xE2\x80\x99");
    if (p == std::string_view::npos) return;
    respelled_.push_back({i, std::string_view(), 0});
    respelled_.back().hash = clitic_text_.size();  // the offset, until the buffer is done
    clitic_text_.append(w.substr(0, p));
    clitic_text_.push_back('\'');
    clitic_text_.append(w.substr(p + 3));
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  void Run();

 private:
  void SwapScratch() {
    clitic_text_.swap(s_.clitic_text);
    respelled_.swap(s_.respelled);
    mention_at_.swap(s_.mention_at);
    quote_at_.swap(s_.quote_at);
    open_mark_.swap(s_.open_mark);
    order_.swap(s_.order);
  }

  const CondemnationFinder::Tables& t_;
  const CueLexicon& lex_;
  Document& doc_;
  const char* lower_text_;   // doc_.lower_text
  const uint64_t* folded_;   // doc_.folded_hash
  CondemnationScratch& s_;   // the arrays below are taken from it and given back
  std::string clitic_text_;  // clitics respelled with ' (see the constructor)
  std::vector<Respelled> respelled_;  // by token
  std::vector<int> mention_at_;
  std::vector<int> quote_at_;
  std::vector<uint8_t> open_mark_;  // 1 opening mark, 2 closing mark of a quote
  std::vector<CueFormRef> order_;   // Run(): a word's cue readings, longest first

  // The last finding of the current sentence, for "oppose A, oppose B".
  int last_sentence_ = -1;
  int last_target_end_ = -1;
  bool last_has_source_ = false;
  Actor last_source_;

  // ---- token classes
  int N() const { return static_cast<int>(doc_.tokens.size()); }
  // Words, clitics and punctuation are read in lower case; numbers and quote marks are no word.
  static bool HasWord(const Token& t) {
    return t.kind == TokenKind::kWord || t.kind == TokenKind::kClitic ||
           t.kind == TokenKind::kPunct;
  }
  bool CurlyClitic(const Token& t) const {
    return t.kind == TokenKind::kClitic && t.end - t.start > 1 && (lower_text_[t.start] & 0x80);
  }
  const Respelled* RespelledAt(int i) const {
    auto it = std::lower_bound(respelled_.begin(), respelled_.end(), i,
                               [](const Respelled& r, int token) { return r.token < token; });
    return it != respelled_.end() && it->token == i ? &*it : nullptr;
  }
  // Token i's lower-case word (empty: not a word) and H(i), its hash: the word lists are
  // keyed by it.
  std::string_view L(int i) const {
    const Token& t = doc_.tokens[i];
    if (!HasWord(t)) return std::string_view();
    if (CurlyClitic(t))
      if (const Respelled* r = RespelledAt(i)) return r->word;
    return std::string_view(lower_text_ + t.start, t.end - t.start);
  }
  uint64_t H(int i) const {
    const Token& t = doc_.tokens[i];
    if (!HasWord(t)) return kEmptyHash;
    if (CurlyClitic(t))
      if (const Respelled* r = RespelledAt(i)) return r->hash;
    return folded_[i];
  }
  static constexpr uint64_t kEmptyHash = kHashSeed;  // Hash(kHashSeed, "")
  TokenKind Kind(int i) const { return doc_.tokens[i].kind; }
  bool Word(int i) const { return Kind(i) == TokenKind::kWord; }
  bool Is(const WordSet* s, int i) const { return s->Has(H(i), L(i)); }
  bool Cap(int i) const { return doc_.tokens[i].upper_initial; }
  bool Punct(int i, const char* p) const { return Kind(i) == TokenKind::kPunct && L(i) == p; }
  // A dash: "--" (two tokens), " - ", an en or em dash.
  bool Dash(int i) const {
    if (Kind(i) != TokenKind::kPunct) return false;
    std::string_view p = L(i);
    if (p == "\xE2\x80\x93" || p == "\xE2\x80\x94" || p == "--") return true;
    if (p != "-") return false;
    return doc_.tokens[i].space_before || (i + 1 < N() && L(i + 1) == "-") ||
           (i > 0 && L(i - 1) == "-") || (i + 1 < N() && doc_.tokens[i + 1].space_before);
  }
  bool Possessive(int i) const {
    return Kind(i) == TokenKind::kClitic && (L(i) == "'s" || L(i) == "'");
  }
  int SentFirst(int i) const { return doc_.sentences[doc_.tokens[i].sentence].first; }
  int SentLast(int i) const { return doc_.sentences[doc_.tokens[i].sentence].last; }
  // stop_prep is a space-separated list of prepositions.
  static bool StopsAt(const char* list, std::string_view w) {
    std::string_view l(list);
    while (!l.empty()) {
      size_t sp = l.find(' ');
      if (l.substr(0, sp) == w) return true;
      if (sp == std::string_view::npos) break;
      l.remove_prefix(sp + 1);
    }
    return false;
  }
  bool IsCueForm(int i) const { return Word(i) && lex_.Find(H(i), L(i)) != nullptr; }
  // An inflected verb cue with no noun reading ("condemned", "accuses"); not "opposition",
  // "protest" or a bare "attack", which are nouns too.
  bool IsVerbCue(int i) const {
    if (!Word(i)) return false;
    const CueFormRefs* refs = lex_.Find(H(i), L(i));
    if (!refs) return false;
    for (const CueFormRef& r : *refs)
      if (r.form == CueForm::kNoun || r.form == CueForm::kNounPlural ||
          r.form == CueForm::kBase)
        return false;
    return true;
  }
  // Prepositions inside a noun phrase read backwards: "leaders in Chechnya", "Iraq's attack
  // on the town", "sanctions against Iraq".
  bool InnerPrep(int i) const {
    std::string_view w = L(i);
    return w == "in" || w == "of" || w == "from" || w == "on" || w == "against" ||
           w == "over" || w == "for" || w == "at";
  }
  // Verbs that take a noun cue as object ("made a protest", "drew criticism", "denied the
  // charges", "called for the condemnation").
  bool VerbLike(int i) const {
    return Word(i) && (Is(t_.light, i) || Is(t_.provoke, i) || Is(t_.provoke_agent, i) ||
                       Is(t_.dismissal, i) || Is(t_.request, i));
  }
  bool LooksParticiple(int i) const {
    std::string_view w = L(i);
    return Word(i) && !Cap(i) && w.size() > 4 &&
           (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 3, 3, "ing") == 0);
  }
  // Plural nouns for people: "socialists", "politicians" (not "-ers", "-ors": "factors").
  bool PeopleNoun(int i) const {
    std::string_view w = L(i);
    if (!Word(i) || w.size() < 6) return false;
    for (const char* suf : {"ists", "ians"})
      if (w.compare(w.size() - std::strlen(suf), std::strlen(suf), suf) == 0) return true;
    return false;
  }
  // "-ing" word that ends a noun phrase: followed by punctuation, a conjunction or the end.
  bool IsGerundHead(int i, int end) const {
    std::string_view w = L(i);
    if (!Word(i) || Cap(i) || w.size() < 6 || w.compare(w.size() - 3, 3, "ing") != 0)
      return false;
    if (IsCueForm(i)) return false;
    int n = i + 1;
    return n >= end || Kind(n) == TokenKind::kPunct || Kind(n) == TokenKind::kQuote ||
           L(n) == "and" || L(n) == "or";
  }
  bool Adverb(int i) const {
    if (!Word(i)) return false;
    std::string_view w = L(i);
    return Is(t_.adverb, i) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0 &&
                                !Cap(i) && w != "only" && w != "family" && w != "italy");
  }
  // A word that can be inside a noun phrase.
  bool Content(int i) const {
    TokenKind k = Kind(i);
    if (k == TokenKind::kNumber) return true;
    if (k == TokenKind::kPunct) {
      // A hyphen inside a compound ("anti - nuclear" split by the tokenizer), not a dash.
      if (L(i) == "-")
        return !doc_.tokens[i].space_before && i + 1 < N() && !doc_.tokens[i + 1].space_before;
      return L(i) == "&" || L(i) == "$" || L(i) == "%";
    }
    if (k != TokenKind::kWord) return false;
    if (mention_at_[i] >= 0 && Cap(i)) return true;  // "U.S.", "New York" (not "of", "the")
    return !Is(t_.stop, i) && !Is(t_.det, i) && !Is(t_.pronoun, i) && !Adverb(i);
  }
  // "on Friday", "last week", "in 1993", "on Saturday": returns the index after it, or i.
  int SkipTime(int i, int end) const {
    if (i >= end) return i;
    if (Word(i) && Is(t_.deictic_time, i)) return i + 1;
    if (i + 1 < end && Word(i) &&
        Is(t_.time_opener, i)) {
      int j = i + 1;
      if (j < end && (L(j) == "the" || L(j) == "last")) ++j;
      if (j < end && (Is(t_.time, j) && (Cap(j) || L(j).find("day") != std::string::npos ||
                                          L(j) == "week" || L(j) == "month" || L(j) == "year" ||
                                          L(j) == "weekend" || L(j) == "night" ||
                                          L(j) == "morning" || L(j) == "evening"))) {
        ++j;
        if (j < end && Kind(j) == TokenKind::kNumber) ++j;  // "in August 1996"
        return j;
      }
      if (j < end && L(i) == "in" && Kind(j) == TokenKind::kNumber) return j + 1;
    }
    return i;
  }
  // Skips adverbs and time expressions going forward.
  int SkipForward(int i, int end) const {
    for (int guard = 0; guard < 6 && i < end; ++guard) {
      int j = SkipTime(i, end);
      if (j == i && Adverb(i) && !Is(t_.det, i)) j = i + 1;
      if (j == i) break;
      i = j;
    }
    return i;
  }

  // ---- phrases
  Phrase ForwardNP(int i, int end, const char* stop_prep, bool depth_ok = true) const;
  Phrase BackwardNP(int j, int lo) const;
  Phrase SubjectBefore(int j, int lo, int* relative_guard = nullptr) const;
  Phrase ClauseSubject(int cue) const;
  Phrase SpeakerOfReportedClause(Phrase subject) const;
  Phrase ClauseTarget(int i, int hi) const;
  int AuxChainStart(int cue, bool* negated, bool* passive, bool* infinitive, bool* deontic) const;
  bool RequestOrHypothetical(int cue, int chain_start) const;

  // ---- actors
  bool ResolveActor(Phrase p, int cue, Actor* out) const;
  bool ResolvePronoun(int i, int cue, Actor* out) const;
  bool ResolveCollective(Phrase p, Actor* out) const;
  std::string Describe(Phrase p) const;
  int SingleEntity(Phrase p) const;
  std::string AccuseSubcode(int of_token, int end) const;

  struct VerbReading;
  bool TryCue(int i, const CueFormRef& ref);
  bool FitsPosition(int i, const CueFormRef& ref, int lo) const;
  bool ReadVerbGroup(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const;
  bool FindVerbTarget(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const;
  bool TargetFits(const CueEntry& e, const VerbReading& r) const;
  bool FindVerbSource(const CueFormRef& ref, VerbReading* r, Actor* inherited,
                      const Actor** given) const;
  bool TryNominal(int i, const CueEntry& e, int lo, int hi, int cue_last,
                  const std::string& cameo);
  void Emit(int i, int cue_last, const CueEntry& e, const std::string& cameo, Phrase target,
            bool has_source, Phrase source, const Actor* given, bool negated,
            CondemnationRule rule);
};

// Target noun phrase from token i: pre-modifiers, head, of/by/against/on/for complements,
// coordination ("hegemony, tyranny and bullying"), quotation marks that belong to it and a
// short "imposed by X" participle. Cuts relative and other participle clauses (ANNOTATION.md).
// stop_prep: a complement preposition that must end the phrase ("of" after "accuse X").
Phrase Reader::ForwardNP(int i, int end, const char* stop_prep, bool depth_ok) const {
  end = std::min(end, i + kMaxPhrase);
  int k = i;
  // "what they termed 'unlawful sanctions'": the target is the named thing.
  if (k < end && L(k) == "what") {
    for (int j = k + 1; j < std::min(end, k + 5); ++j) {
      if (Word(j) && Is(t_.naming, j)) {
        k = j + 1;
        if (k < end && L(k) == "as") ++k;
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
    if (Word(k) && Is(t_.det, k) && !content) {
      ++k;
      continue;
    }
    if (Word(k) && (L(k) == "and" || L(k) == "or") && content) {
      // Coordination only when another noun phrase follows.
      int n = k + 1;
      bool verb = n < end && Word(n) && !Cap(n) &&
                  (VerbLike(n) || Is(t_.speech, n) || Is(t_.refusal, n) || Is(t_.control, n));
      if (n < end && !verb && (Kind(n) == TokenKind::kQuote || Is(t_.det, n) || Cap(n) ||
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
        if (!(Content(n) || Is(t_.det, n) || Kind(n) == TokenKind::kQuote) || IsCueForm(n) ||
            (LooksParticiple(n) && !IsGerundHead(n, end)))
          break;
        ++n;
      }
      if (!list) break;
      content = false;
      ++k;
      continue;
    }
    if (Word(k) && Is(t_.complement, k) && content) {
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
      if (content && IsCueForm(k) && !Cap(k)) break;  // the next cue: "..., oppose X"
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
Phrase Reader::BackwardNP(int j, int lo) const {
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
    if (Word(k) && Is(t_.det, k)) {
      if (first < 0 || L(k) == "that") break;  // "reported that Prime Minister X": not a det
      first = k;
      if (k - 1 >= lo && Word(k - 1) && Is(t_.det, k - 1) && !Is(t_.pronoun, k - 1)) {
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
          !LooksParticiple(k - 1) && (Cap(k - 1) || !Is(t_.speech, k - 1))) {
        --k;
        continue;
      }
      break;
    }
    if (Punct(k, "&") && first >= 0) {
      --k;
      continue;
    }
    if (Content(k) && (Cap(k) || (!Is(t_.speech, k) && !IsVerbCue(k)))) {
      // A lower-case -ed/-ing word is a verb unless a determiner makes it an adjective.
      if (LooksParticiple(k) && !(k - 1 >= lo && Is(t_.det, k - 1))) break;
      first = k;
      --k;
      continue;
    }
    if (Word(k) && Is(t_.pronoun, k) && first < 0) {
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
Phrase Reader::SubjectBefore(int j, int lo, int* guard) const {
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
Phrase Reader::ClauseSubject(int cue) const {
  // Nearest clause start before the cue: after a comma or semicolon, or the sentence start,
  // within a bounded window (a 10 MB text may be one "sentence").
  const int sent_lo = SentFirst(cue);
  const int lo = std::max(sent_lo, cue - kClauseWindow);
  for (int k = cue - 1; k >= lo - 1; --k) {
    bool start = k < sent_lo || Punct(k, ",") || Punct(k, ";") || Dash(k);
    if (!start) continue;
    int s = k + 1;
    while (s < cue && (Kind(s) == TokenKind::kQuote || (Word(s) &&
                       Is(t_.clause_conjunction, s))))
      ++s;
    // "About 3,500 workers", "Nearly 200 people": a quantity before the subject.
    if (s + 1 < cue && Word(s) && Kind(s + 1) == TokenKind::kNumber &&
        Is(t_.approximator, s))
      ++s;
    if (s >= cue - 1) continue;
    if (Word(s) && Is(t_.pronoun, s) && !Is(t_.first_person, s)) {
      if (s + 1 < cue && (Is(t_.aux, s + 1) || Content(s + 1) || Adverb(s + 1)))
        return {s, s + 1};
    }
    Phrase p = ForwardNP(s, cue, nullptr, true);  // "Thousands of workers"
    if (p.empty() || p.last >= cue) continue;
    // "The opposition party Radical Cause controls ...": a verb after a name is not part of it.
    if (p.last - p.first >= 2 && Word(p.last - 1) && !Cap(p.last - 1) &&
        mention_at_[p.last - 2] >= 0 && mention_at_[p.last - 1] < 0)
      p.last -= 1;
    if (Word(p.first) && Is(t_.stop, p.first)) continue;
    if (LooksParticiple(p.first)) continue;  // ", called by the opposition, ..."
    int n = p.last;
    // "NP verb ..." or a sentence-initial "NP, ..." (subject of the whole sentence).
    if (Is(t_.aux, n) || Adverb(n) || (Content(n) && !Cap(n)) || k < sent_lo) {
      if (Kind(p.first) == TokenKind::kWord && Is(t_.hypothetical, p.first)) continue;
      return p;
    }
  }
  // A fronted participle phrase ("Accusing Netanyahu of stupidity, Arafat launched ...",
  // "But, in rejecting the offer, the Names would ..."): the subject follows its comma.
  for (int k = sent_lo; k < cue; ++k) {
    bool lead = Kind(k) == TokenKind::kQuote || Punct(k, ",") ||
                (Word(k) && Is(t_.subject_lead, k));
    if (!lead) return {};
  }
  int hi = SentLast(cue);
  for (int k = cue + 1; k < hi && k < cue + 30; ++k) {
    if (!Punct(k, ",")) continue;
    int s = k + 1;
    if (s < hi && Word(s) && Is(t_.pronoun, s) && !Is(t_.first_person, s)) return {s, s + 1};
    Phrase p = ForwardNP(s, hi, nullptr, false);
    if (p.empty() || p.last >= hi) return {};
    int n = p.last;
    if (Is(t_.aux, n) || Adverb(n) || (Content(n) && !Cap(n))) return p;
    return {};
  }
  return {};
}

// "Wang said Beijing and Moscow should oppose ...": the phrase of the speaker, or empty.
Phrase Reader::SpeakerOfReportedClause(Phrase subject) const {
  int k = subject.first - 1;
  int lo = SentFirst(subject.first);
  if (k >= lo && L(k) == "that") --k;
  if (k < lo || !Word(k) || !Is(t_.speech, k)) return {};
  int j = k - 1;
  while (j >= lo && Adverb(j)) --j;
  // "described the incident as shocking, but said Moura was also to blame".
  if (j >= lo && Word(j) && (L(j) == "and" || L(j) == "but")) return ClauseSubject(j);
  return SubjectBefore(j, lo);
}

// The blamed party of a that-clause starting at i: its subject, or, when the subject is a
// pronoun in a passive clause ("that he had been abused by Bernardin"), the agent.
Phrase Reader::ClauseTarget(int i, int hi) const {
  Phrase target = i < hi && Is(t_.pronoun, i) ? Phrase{i, i + 1} : ForwardNP(i, hi, nullptr, false);
  if (target.empty()) return target;
  // A passive clause ("that he had been abused by X", "that a judge had been subjected to
  // pressure"): its subject is the victim; the blamed party is the agent, when stated.
  int v = target.last;
  while (v < hi && v < target.last + 4 && (Is(t_.aux, v) || Adverb(v))) ++v;
  bool passive = false;
  for (int b = target.last; b < v; ++b) passive |= Is(t_.passive_aux, b);
  // A past participle: "-ed" or an irregular one ("were breaking" is not passive).
  bool participle = v < hi && Word(v) &&
                    ((L(v).size() > 3 && L(v).compare(L(v).size() - 2, 2, "ed") == 0) ||
                     Is(t_.irregular_participle, v));
  if (!passive || !participle) return target;
  for (int b = v + 1; b < hi && b < v + 10; ++b) {
    if (Punct(b, ",") || Punct(b, ";")) break;
    if (L(b) == "by") return ForwardNP(b + 1, hi, nullptr, false);
  }
  return {};
}

// Walks back from the cue over auxiliaries, adverbs, negators, "to" and parentheses; returns
// the index of the first token of that chain.
int Reader::AuxChainStart(int cue, bool* negated, bool* passive, bool* infinitive,
                          bool* deontic) const {
  // Bounded so that a pathological run of adverbs cannot make the pass quadratic.
  int lo = std::max(SentFirst(cue), cue - 16);
  int k = cue - 1;
  while (k >= lo) {
    std::string_view w = L(k);
    if (Punct(k, "(") || Punct(k, ")")) { --k; continue; }
    if (Kind(k) == TokenKind::kClitic && w == "n't") { *negated = true; --k; continue; }
    if (!Word(k) && Kind(k) != TokenKind::kClitic) break;
    if (Is(t_.negator, k)) { *negated = true; --k; continue; }
    if (Is(t_.aux, k)) {
      if (Is(t_.passive_aux, k)) *passive = true;
      if (Is(t_.deontic, k)) *deontic = true;
      --k;
      continue;
    }
    if (w == "to") { *infinitive = true; --k; continue; }
    // "Bob Dole Wednesday accused": a bare weekday.
    if (Cap(k) && Is(t_.time, k) && w.size() > 5 && w.compare(w.size() - 3, 3, "day") == 0 &&
        !(k - 1 >= lo && Is(t_.weekday_determiner, k - 1))) {
      --k;
      continue;
    }
    if (Adverb(k)) { --k; continue; }
    int t = k;
    // "on Friday" between subject and verb.
    int b = std::max(lo, k - 3);
    bool skipped = false;
    for (int s = b; s < k; ++s) {
      if (SkipTime(s, cue) == k + 1) {
        k = s - 1;
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    k = t;
    break;
  }
  return k + 1;
}

// "urged X to condemn", "called on X to condemn", "if the company rejects": no finding.
bool Reader::RequestOrHypothetical(int cue, int chain_start) const {
  int lo = SentFirst(cue);
  // Hypothetical: an if/unless/whether earlier in the same clause.
  for (int k = cue - 1; k >= lo && cue - k < 25; --k) {
    if (Punct(k, ";") || Punct(k, ":")) break;
    if (Word(k) && Is(t_.hypothetical, k)) return true;
    if (Punct(k, ",")) break;
  }
  // "Moscow may criticise the plan if it is adopted": a conditional modal with its "if".
  bool conditional = false;
  for (int k = chain_start; k < cue; ++k)
    conditional |= Is(t_.conditional, k);
  if (conditional) {
    int hi = SentLast(cue);
    for (int k = cue + 1; k < hi && k < cue + 25; ++k) {
      if (Punct(k, ";")) break;
      if (Word(k) && (L(k) == "if" || L(k) == "unless")) return true;
    }
  }
  // Request: a request verb shortly before an infinitive "to".
  bool to = false;
  for (int k = chain_start; k < cue; ++k) to |= L(k) == "to";
  if (to || (chain_start - 1 >= lo && L(chain_start - 1) == "to")) {
    for (int k = chain_start - 1; k >= lo && chain_start - k < 10; --k) {
      if (Punct(k, ",") || Punct(k, ";")) break;
      if (Word(k) && Is(t_.request, k)) {
        // "called for a strike to protest X": the strike's purpose, not a request to protest.
        int f = SkipTime(k + 1, chain_start);
        if (f + 1 < chain_start && L(f) == "for") {
          bool event = false;
          for (int e = f + 1; e < chain_start; ++e) event |= Is(t_.event, e);
          if (event) return false;
        }
        return true;
      }
    }
  }
  return false;
}

PRESSLENS_OUT_OF_LINE std::string Reader::Describe(Phrase p) const {
  // The phrase up to its first preposition or comma, without leading determiners; lower case
  // except proper-noun parts ("the German embassy" -> "German embassy").
  int first = p.first, last = p.last;
  while (first < last && Word(first) && Is(t_.det, first)) ++first;
  for (int k = first; k < last; ++k) {
    if ((Word(k) && Is(t_.stop, k) && L(k) != "and") || Punct(k, ",")) {
      last = k;
      break;
    }
  }
  if (first >= last) { first = p.first; last = p.last; }
  std::string out;
  for (int k = first; k < last; ++k) {
    if (Kind(k) == TokenKind::kQuote) continue;
    const Token& t = doc_.tokens[k];
    if (!out.empty() && t.space_before) out += ' ';
    // Capitals are kept: a sentence-initial capital cannot be told from a proper noun the
    // entity pass missed ("Nepali opposition parties"), and names are compared ignoring case.
    if (Cap(k))
      out += doc_.TokenText(k);
    else
      out += L(k).empty() ? doc_.TokenText(k) : L(k);
  }
  return out;
}

// The entity when the phrase is one mention (determiners aside), else -1.
int Reader::SingleEntity(Phrase p) const {
  int first = p.first, last = p.last;
  while (first < last && (Kind(first) == TokenKind::kQuote || Is(t_.det, first))) ++first;
  while (last > first && (Kind(last - 1) == TokenKind::kQuote || Punct(last - 1, "."))) --last;
  if (first >= last) return -1;
  int m = mention_at_[first];
  if (m < 0) return -1;
  const Mention& mm = doc_.mentions[m];
  if (mm.first == first && mm.last == last) return mm.entity;
  return -1;
}

PRESSLENS_OUT_OF_LINE bool Reader::ResolvePronoun(int i, int cue, Actor* out) const {
  // Possessives stand for their pronoun ("its opposition" is it opposing).
  std::string_view lw = L(i);
  std::string_view w = lw == "its" ? "it" : lw == "their" ? "they" : lw == "his" ? "he"
                        : lw == "her" ? "she" : lw;
  out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
  if (t_.first_person->Has(w)) {
    int q = quote_at_[cue];
    if (q >= 0 && doc_.quotes[q].has_speaker) {
      const Actor& sp = doc_.quotes[q].speaker;
      out->entity = sp.entity;
      out->name = sp.name;
      return true;
    }
    out->entity = -1;
    out->name = std::string(doc_.TokenText(i));
    return true;
  }
  if (w == "you") return false;
  // he/she: the nearest person; it: the nearest organisation or place; they: any actor.
  // A mention in subject position (not after a preposition: "support for Russia, it has
  // backed ...") is preferred; the nearest fitting one is the fallback.
  int lo = std::max(0, i - kLookBack);
  int fallback = -1;
  for (int k = i - 1; k >= lo; --k) {
    int m = mention_at_[k];
    if (m < 0) continue;
    const Mention& mm = doc_.mentions[m];
    k = mm.first;
    if (mm.entity < 0) continue;
    const EntityType type = mm.type;
    bool fits = (w == "he" || w == "she") ? type == EntityType::kPerson
                : w == "it" ? (type == EntityType::kGpe || type == EntityType::kOrg)
                            : (type != EntityType::kEvent && type != EntityType::kLoc);
    if (!fits) continue;
    int b = mm.first - 1;
    while (b >= 0 && Word(b) && (Is(t_.det, b) || (!Cap(b) && Content(b) && mm.first - b < 3)))
      --b;
    bool object = b >= 0 && Word(b) && Is(t_.stop, b) && !Is(t_.hypothetical, b) &&
                  L(b) != "and" && L(b) != "but" && L(b) != "while" && L(b) != "that" &&
                  L(b) != "although" && L(b) != "because" && L(b) != "when" &&
                  L(b) != "after" && L(b) != "said" && L(b) != "says";
    if (fallback < 0) fallback = mm.entity;
    if (object) continue;
    out->entity = mm.entity;
    out->name = doc_.entities[mm.entity].name;
    return true;
  }
  if (fallback >= 0) {
    out->entity = fallback;
    out->name = doc_.entities[fallback].name;
    return true;
  }
  out->entity = -1;
  out->name = std::string(doc_.TokenText(i));
  return true;
}

// "Both sides" after "Lavrov and Wang agreed": the last pair of actors joined by "and"
// in this or the three previous sentences.
bool Reader::ResolveCollective(Phrase p, Actor* out) const {
  bool match = false;
  for (const auto& words : lex_.collective()) {
    if (static_cast<int>(words.size()) != p.last - p.first) continue;
    bool ok = true;
    for (size_t w = 0; w < words.size() && ok; ++w) ok = L(p.first + (int)w) == words[w];
    if (ok) { match = true; break; }
  }
  if (!match) return false;
  int sent = doc_.tokens[p.first].sentence;
  int lo = std::max(doc_.sentences[std::max(0, sent - 3)].first, p.first - kLookBack);
  bool persons = L(p.last - 1).find("minister") != std::string::npos ||
                 L(p.last - 1) == "leaders" || L(p.last - 1) == "men";
  bool countries = L(p.last - 1) == "countries" || L(p.last - 1) == "governments";
  auto actor = [](EntityType t) {
    return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kGpe ||
           t == EntityType::kNorp;
  };
  // One side of "A and B": an entity mention, or else a run of capitalised words (a name the
  // entity pass missed). Returns false when the side is neither.
  auto side = [&](int edge, int dir, std::string* name, EntityType* type) {
    int m = mention_at_[edge];
    if (m >= 0 && doc_.mentions[m].entity >= 0) {
      *name = doc_.entities[doc_.mentions[m].entity].name;
      *type = doc_.mentions[m].type;
      return true;
    }
    int a = edge, b = edge;
    auto name_word = [&](int t) {
      return t >= lo && t < p.first && Word(t) && Cap(t) && !Is(t_.stop, t) && !Is(t_.det, t) &&
             !Is(t_.pronoun, t) && doc_.tokens[t].start != doc_.sentences[doc_.tokens[t].sentence].start;
    };
    if (!name_word(edge)) return false;
    while (name_word(dir < 0 ? a - 1 : b + 1)) (dir < 0 ? a : b) += dir;
    *name = std::string(doc_.SpanText(doc_.tokens[a].start, doc_.tokens[b].end));
    *type = EntityType::kMisc;
    return true;
  };
  for (int k = p.first - 2; k > lo; --k) {
    if (!(Word(k) && (L(k) == "and" || L(k) == "&"))) continue;
    std::string na, nb;
    EntityType ta, tb;
    if (!side(k - 1, -1, &na, &ta) || !side(k + 1, +1, &nb, &tb) || na == nb) continue;
    // Actors of any kind for "both sides"; people for "the two ministers"; states for "both
    // countries". (The tagger may confuse PERSON and ORG, so only places are kept apart.)
    if ((ta != EntityType::kMisc && !actor(ta)) || (tb != EntityType::kMisc && !actor(tb)))
      continue;
    if (persons && (ta == EntityType::kGpe || tb == EntityType::kGpe)) continue;
    if (countries && (ta == EntityType::kPerson || tb == EntityType::kPerson)) continue;
    out->entity = -1;
    out->name = na + " & " + nb;
    out->span = {doc_.tokens[p.first].start, doc_.tokens[p.last - 1].end};
    return true;
  }
  return false;
}

bool Reader::ResolveActor(Phrase p, int cue, Actor* out) const {
  if (p.empty()) return false;
  out->span = {doc_.tokens[p.first].start, doc_.tokens[p.last - 1].end};
  out->entity = -1;
  // "The Socialists said they opposed ...": the pronoun is the speaker just named.
  if (p.last - p.first == 1 && Is(t_.pronoun, p.first) && !Is(t_.first_person, p.first) &&
      L(p.first) != "you") {
    int lo = SentFirst(p.first);
    int k = p.first - 1;
    if (k >= lo && L(k) == "that") --k;
    while (k >= lo && Adverb(k)) --k;
    int t = k;
    // "said on Friday he ...": a time expression between the verb and the pronoun.
    if (t - 1 >= lo && Is(t_.time, t) && (L(t - 1) == "on" || L(t - 1) == "last")) t -= 2;
    if (t >= lo + 1 && Word(t) && !Cap(t) && Is(t_.speech, t)) {
      int j = t - 1;
      while (j >= lo && Adverb(j)) --j;
      Phrase speaker = SubjectBefore(j, lo);
      if (!speaker.empty() && !(speaker.last - speaker.first == 1 &&
                                Is(t_.pronoun, speaker.first))) {
        Actor named;
        if (ResolveActor(speaker, cue, &named)) {
          out->entity = named.entity;
          out->name = named.name;
          return true;
        }
      }
    }
  }
  if (p.last - p.first == 1 && (Is(t_.pronoun, p.first) || L(p.first) == "its" ||
                                L(p.first) == "their" || L(p.first) == "his" ||
                                L(p.first) == "her" || L(p.first) == "our"))
    return ResolvePronoun(p.first, cue, out);
  if (ResolveCollective(p, out)) return true;
  // The head part: up to the first preposition or comma.
  int last = p.last;
  for (int k = p.first; k < p.last; ++k) {
    if ((Word(k) && Is(t_.head_end, k)) ||
        Punct(k, ",")) {
      last = k;
      break;
    }
  }
  // Mentions in the head part, joined by "and" when there are several.
  std::vector<int> ms;
  for (int k = p.first; k < last; ++k) {
    int m = mention_at_[k];
    if (m >= 0 && (ms.empty() || ms.back() != m) && doc_.mentions[m].entity >= 0) ms.push_back(m);
  }
  int head = last - 1;
  while (head > p.first && (Kind(head) == TokenKind::kQuote || Punct(head, "."))) --head;
  bool coordinated = false;
  for (int k = p.first; k < last; ++k) coordinated |= (L(k) == "and" || L(k) == "&");
  if (ms.size() >= 2 && coordinated) {
    std::string name;
    std::vector<int> seen;
    for (int m : ms) {
      int e = doc_.mentions[m].entity;
      if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
      seen.push_back(e);
      if (!name.empty()) name += " & ";
      name += doc_.entities[e].name;
    }
    out->name = name;
    return true;
  }
  if (!ms.empty()) {
    const Mention& mm = doc_.mentions[ms.back()];
    if (mm.last - 1 >= head) {
      out->entity = mm.entity;
      const Entity& e = doc_.entities[mm.entity];
      // A demonym stands for its country ("an Israeli complaint" -> Israel).
      bool adjective = p.last < N() && Word(p.last) && !Cap(p.last) && !Is(t_.stop, p.last);
      out->name = (mm.type == EntityType::kNorp && !e.country.empty() && adjective)
                      ? e.country
                      : e.name;
      return true;
    }
  }
  // No entity: a capitalised name at the head ("Freddy Pinas") or the description.
  // ("Top Belarus politician" has a lower-case head: a description.)
  if (Word(head) && Cap(head) && !Is(t_.det, head) && !Is(t_.stop, head)) {
    int s = head;
    while (s - 1 >= p.first && Word(s - 1) && Cap(s - 1) && !Is(t_.det, s - 1) &&
           !Is(t_.stop, s - 1))
      --s;
    out->name = std::string(doc_.SpanText(doc_.tokens[s].start, doc_.tokens[head].end));
    return true;
  }
  out->name = Describe({p.first, last});
  return true;
}

std::string Reader::AccuseSubcode(int of_token, int end) const {
  // Only the accusation itself: up to the end of its clause ("of stupidity, Arafat launched
  // his strongest attack" is about stupidity).
  int stop = of_token + 1;
  while (stop < end && stop < of_token + 12 && !Punct(stop, ",") && !Punct(stop, ";") &&
         !Punct(stop, ".") && !(Word(stop) && (L(stop) == "and" || L(stop) == "but") &&
                                stop + 1 < end && Word(stop + 1) && Is(t_.speech, stop + 1)))
    ++stop;
  end = stop;
  // More specific codes first (war crimes before crimes).
  for (int pass = 0; pass < 2; ++pass) {
    for (auto it = lex_.topics().rbegin(); it != lex_.topics().rend(); ++it) {
      for (int k = of_token + 1; k < end; ++k) {
        if (pass == 0) {
          for (const auto& ph : it->phrases) {
            bool ok = k + (int)ph.size() <= end;
            for (size_t w = 0; w < ph.size() && ok; ++w) ok = L(k + (int)w) == ph[w];
            if (ok) return std::string(it->code);
          }
        } else if (it->words.Has(H(k), L(k))) {
          return std::string(it->code);
        }
      }
    }
  }
  return "";
}

void Reader::Emit(int i, int cue_last, const CueEntry& e, const std::string& cameo,
                  Phrase target, bool has_source, Phrase source, const Actor* given,
                  bool negated, CondemnationRule rule) {
  CondemnationRecord record;
  Condemnation& c = record.finding;
  c.cue.lemma = e.lemma;
  c.cue.cameo = cameo;
  c.cue.span = {doc_.tokens[i].start, doc_.tokens[cue_last].end};
  c.target.span = {doc_.tokens[target.first].start, doc_.tokens[target.last - 1].end};
  c.target.entity = SingleEntity(target);
  c.negated = negated;
  c.quote = quote_at_[i];
  record.rule.rule = rule;
  if (given) {
    c.has_source = true;
    c.source = *given;
  } else if (has_source) {
    c.has_source = ResolveActor(source, i, &c.source);
  }
  // A first-person source inside a quote: the quote's speaker ("We condemn ...").
  if (c.has_source && c.quote >= 0 && !source.empty() && source.last - source.first == 1 &&
      Is(t_.first_person, source.first))
    record.rule.quote_speaker = true;
  uint32_t start = std::min(c.cue.span.start, c.target.span.start);
  uint32_t end = std::max(c.cue.span.end, c.target.span.end);
  if (c.has_source && doc_.tokens[i].sentence ==
                          doc_.tokens[std::max(0, source.empty() ? i : source.first)].sentence &&
      !source.empty())
    start = std::min(start, c.source.span.start);
  c.span = {start, end};
  last_sentence_ = doc_.tokens[i].sentence;
  last_target_end_ = target.last;
  last_has_source_ = c.has_source;
  last_source_ = c.source;
  doc_.condemnations.push_back(std::move(record));
}

// TryCue for a noun form of the cue (a function of its own: a text compiles and optimises only
// the readings it meets).
PRESSLENS_OUT_OF_LINE bool Reader::TryNominal(int i, const CueEntry& e, int lo, int hi,
                                              int cue_last, const std::string& cameo) {
  const int after = cue_last + 1;
  bool negated = false;
  // --- Nominal: "Y's condemnation of X", "criticism of X by Y", "a protest to X",
  // "X drew criticism from Y", "voiced its opposition to X".
  int j = i - 1;  // walk back over adjectives to the determiner or possessive
  while (j >= lo && Word(j) && !Cap(j) && Content(j) && !VerbLike(j) && i - j < 4) --j;
  Phrase source;
  bool light_verb = false;
  int light_at = -1;
  // Possessive: "Israel's complaint", "its opposition".
  if (j >= lo && Possessive(j)) {
    source = BackwardNP(j - 1, lo);
  } else if (j >= lo && Word(j) && Is(t_.possessive_pronoun, j)) {
    // "voiced its opposition to X", "India said that its opposition to X ...".
    int lj = j - 1;
    while (lj >= lo && Adverb(lj)) --lj;
    if (lj >= lo && Is(t_.light, lj)) { light_verb = true; light_at = lj; }
    source = {j, j + 1};
  } else if (j >= lo && mention_at_[j] >= 0 &&
             (doc_.mentions[mention_at_[j]].type == EntityType::kNorp ||
              doc_.mentions[mention_at_[j]].type == EntityType::kGpe ||
              doc_.mentions[mention_at_[j]].type == EntityType::kOrg)) {
    // "an Israeli complaint", "U.S. criticism of": the modifier is the source.
    int m = mention_at_[j];
    source = {doc_.mentions[m].first, doc_.mentions[m].last};
  }
  // A verb of expressing before the noun ("made a sharp protest", "spearheaded the
  // opposition", "leveled charges").
  if (!light_verb) {
    int lj = j;
    if (lj >= lo && (Is(t_.det, lj) || L(lj) == "its" || L(lj) == "their")) --lj;
    while (lj >= lo && Adverb(lj)) --lj;
    if (lj >= lo && Word(lj) && Is(t_.light, lj)) {
      light_verb = true;
      light_at = lj;
    }
  }
  bool possessive_source = !source.empty();
  bool pronoun_source = possessive_source && source.last - source.first == 1 &&
                        Word(source.first) && Is(t_.det, source.first);
  if (light_verb && (source.empty() || pronoun_source)) {
    bool n1 = false, p1 = false, i1 = false, d1 = false;
    int cs = AuxChainStart(light_at, &n1, &p1, &i1, &d1);
    negated |= n1;
    Phrase owner = source;
    source = SubjectBefore(cs - 1, lo);
    if (source.empty() || i1) source = ClauseSubject(light_at);
    if (source.empty()) source = owner;
  }
  if (e.light && !light_verb && !possessive_source) return false;
  // Dismissed or requested: "denied the charges", "called for the condemnation of".
  {
    int dj = j;
    if (dj >= lo && (Is(t_.det, dj) || Possessive(dj))) {
      if (Possessive(dj)) {
        Phrase owner = BackwardNP(dj - 1, lo);
        dj = owner.empty() ? dj - 1 : owner.first - 1;
      } else {
        --dj;
      }
    }
    if (dj >= lo && Word(dj) && (L(dj) == "off" || L(dj) == "out" || L(dj) == "for")) --dj;
    while (dj >= lo && Adverb(dj)) --dj;
    if (dj >= lo && Word(dj) && (Is(t_.dismissal, dj) || Is(t_.request, dj))) return false;
    // "in the face of criticism": the target is not stated in this phrase.
    if (j >= lo && L(j) == "face") return false;
  }
  // Target: a preposition after the noun, perhaps after "by/from Y" (the source).
  int a = after;
  if (a < hi && Word(a) && (L(a) == "by" || L(a) == "from")) {
    Phrase agent = ForwardNP(a + 1, hi, nullptr, false);
    if (!agent.empty()) {
      if (source.empty()) source = agent;
      a = agent.last;
    }
  }
  // "lodged a protest with Britain over the raid": the addressee, then the target.
  if (a < hi && Word(a) && L(a) == "with") {
    Phrase addressee = ForwardNP(a + 1, hi, nullptr, false);
    if (!addressee.empty() && addressee.last < hi && Word(addressee.last) &&
        std::find(e.preps.begin(), e.preps.end(), L(addressee.last)) != e.preps.end())
      a = addressee.last;
  }
  // "walked out in protest at X": the clause's subject protests.
  if (source.empty() && i - 1 >= lo && L(i - 1) == "in") source = ClauseSubject(i);
  Phrase target;
  CondemnationRule rule = CondemnationRule::kNominal;
  bool prep_target = false;
  if (a < hi && Word(a)) {
    for (std::string_view p : e.preps) {
      if (L(a) == p) {
        target = ForwardNP(a + 1, hi, nullptr);
        prep_target = true;
        break;
      }
    }
    if (!prep_target && e.that) {
      int t = a;
      while (t < hi && t < a + 4 && L(t) != "that" && !Punct(t, ",")) ++t;
      // "a complaint that X ...", but "charges that" only after a verb of expressing
      // ("pleaded not guilty to charges that he ..." is a legal charge).
      if (t < hi && L(t) == "that" && (light_verb || (t == after && !e.light))) {
        target = ClauseTarget(t + 1, hi);
        rule = CondemnationRule::kNominalThat;
      }
    }
  }
  // "staged a protest outside parliament against the pay freeze".
  if (target.empty() && std::find(e.preps.begin(), e.preps.end(), "against") != e.preps.end()) {
    for (int b = a; b < hi && b < a + 12; ++b) {
      if (Punct(b, ",") || Punct(b, ";") || Is(t_.pronoun, b) || LooksParticiple(b) ||
          (Word(b) && (L(b) == "and" || L(b) == "but" || L(b) == "that" || L(b) == "which" ||
                       (Is(t_.stop, b) && L(b) != "against" && L(b) != "outside" &&
                        L(b) != "in" && L(b) != "at" && L(b) != "of" && L(b) != "on"))))
        break;
      if (Word(b) && L(b) == "against") {
        target = ForwardNP(b + 1, hi, nullptr);
        break;
      }
    }
  }
  // "a sharp protest and \"disapproval of X\"": coordinated nouns share the complement.
  if (target.empty() && a < hi && Word(a) && (L(a) == "and" || L(a) == "or")) {
    int b = a + 1;
    while (b < hi && Kind(b) == TokenKind::kQuote) ++b;
    if (b + 1 < hi && Word(b) && Content(b) && Word(b + 1) &&
        (L(b + 1) == "of" || L(b + 1) == "against" || L(b + 1) == "over"))
      target = ForwardNP(b + 2, hi, nullptr);
  }
  // "by Y" after the target: "criticism of X by Y".
  if (!target.empty() && source.empty() && target.last < hi && L(target.last) == "by") {
    source = ForwardNP(target.last + 1, hi, nullptr, false);
  }
  // "X drew criticism from Y", "The plan has raised a storm of protest from Y".
  if (target.empty()) {
    int v = j;
    if (v >= lo && L(v) == "of" && v - 2 >= lo) v -= 2;  // "a storm of"
    // "drew strong Iranian objections", "drew widespread foreign criticism".
    while (v >= lo && i - v < 6 &&
           (Is(t_.det, v) || Adverb(v) ||
            (mention_at_[v] >= 0 && doc_.mentions[mention_at_[v]].type == EntityType::kNorp) ||
            (Word(v) && !Cap(v) && Content(v) && !VerbLike(v))))
      --v;
    bool agent = after < hi && (L(after) == "from" || L(after) == "by" || L(after) == "among");
    if (v >= lo && Word(v) && (Is(t_.provoke, v) || (agent && Is(t_.provoke_agent, v)))) {
      bool n1 = false, p1 = false, i1 = false, d1 = false;
      int cs = AuxChainStart(v, &n1, &p1, &i1, &d1);
      target = SubjectBefore(cs - 1, lo);
      if (!target.empty() && target.last - target.first == 1 && Is(t_.pronoun, target.first)) {
        // "it drew criticism": the target is what "it" stands for; keep the pronoun span.
      }
      rule = CondemnationRule::kNominalProvoke;
      if (source.empty() && after < hi && (L(after) == "from" || L(after) == "by"))
        source = ForwardNP(after + 1, hi, nullptr, false);
    }
  }
  if (target.empty()) return false;
  if (j >= lo && Word(j) && Is(t_.negator, j)) negated = true;  // "no criticism of"
  Emit(i, cue_last, e, cameo, target, !source.empty(), source, nullptr, negated, rule);
  return true;
}

// Reads one cue occurrence; true when a finding was emitted.
// One verb reading of a cue occurrence, as TryCue's steps fill it in.
struct Reader::VerbReading {
  int i = 0, lo = 0, hi = 0;  // the cue token, its sentence's tokens [lo, hi)
  int after = 0;              // the token after the cue's words
  int a = 0;                  // `after` past adverbs and time phrases
  std::string cameo;
  bool negated = false, passive = false, infinitive = false, deontic = false;
  bool progressive = false;
  int chain = 0;              // the first token of the auxiliary chain before the cue
  int head_verb = -1;         // the verb whose subject is the source, when not the cue
  Phrase target, source;
  CondemnationRule rule = CondemnationRule::kActive;
  bool source_known = false;  // source decided with the target (passive agent, "blame Y on X")
  Actor speaker_source;       // "X is to blame": whoever says so
  bool has_speaker_source = false;
};

bool Reader::TryCue(int i, const CueFormRef& ref) {
  const CueEntry& e = lex_.entry(ref.entry);
  int lo = SentFirst(i), hi = SentLast(i);
  // Multi-word cues: the following words must match.
  int k = i + 1;
  for (std::string_view w : e.rest) {
    if (k >= hi || L(k) != w) return false;
    ++k;
  }
  int cue_last = k - 1;
  // A capitalised cue inside a sentence is part of a name ("Grand Slam", "Million Man
  // March"); in a headline only after a lower-case word or a name ("Russia Condemns").
  if (Cap(i) && i > lo && !(Kind(i - 1) == TokenKind::kQuote && i - 1 == lo)) {
    const Sentence& sent = doc_.sentences[doc_.tokens[i].sentence];
    if (!sent.headline || doc_.tokens[i].all_caps) return false;
    if (Cap(i - 1) && mention_at_[i - 1] < 0) return false;
  }
  const bool noun_form = ref.form == CueForm::kNoun || ref.form == CueForm::kNounPlural;
  if (!FitsPosition(i, ref, lo)) return false;
  if (noun_form) return TryNominal(i, e, lo, hi, cue_last, std::string(e.cameo));

  VerbReading r;
  r.i = i;
  r.lo = lo;
  r.hi = hi;
  r.after = k;
  r.cameo = std::string(e.cameo);
  if (!ReadVerbGroup(e, ref, &r) || !FindVerbTarget(e, ref, &r) || !TargetFits(e, r)) return false;
  const Actor* given = nullptr;
  Actor inherited;
  if (!FindVerbSource(ref, &r, &inherited, &given)) return false;
  Emit(i, cue_last, e, r.cameo, r.target, !r.source.empty(), r.source, given, r.negated, r.rule);
  return true;
}

// Noun or verb? A determiner, possessive or preposition (through adjectives) before the word
// makes it a noun: "a sharp protest", "Sharetsky's charge", "of protests". True when the form
// `ref` fits its position.
bool Reader::FitsPosition(int i, const CueFormRef& ref, int lo) const {
  const bool noun_form = ref.form == CueForm::kNoun || ref.form == CueForm::kNounPlural;
  bool noun_context = false;
  bool actor_before = false;  // "U.S. criticism of", "EU complaints": an actor as modifier
  bool segment_start = false; // "Protests against X", "AL-ANWAR - Continued criticism of X"
  {
    int j = i - 1;
    while (j >= lo && Word(j) && !Cap(j) && Content(j) && !IsCueForm(j) && !VerbLike(j) &&
           i - j < 4)
      --j;
    auto starts = [&](int t) {
      return t < lo || Kind(t) == TokenKind::kQuote || Dash(t) || Punct(t, ":");
    };
    segment_start = starts(j) || (j >= lo && Word(j) && Cap(j) && mention_at_[j] < 0 &&
                                  !Is(t_.stop, j) && starts(j - 1));
    if (j >= lo) {
      // "to protest" is a verb, "to protests" and "to violent protests" are nouns.
      bool to_noun = Word(j) && L(j) == "to" &&
                     (j < i - 1 || ref.form == CueForm::kNounPlural || ref.form == CueForm::kThird);
      bool prep_after_adj = j < i - 1 && Word(j) &&
                            Is(t_.noun_after_adjective, j);
      noun_context = (Word(j) && (Is(t_.det, j) || Is(t_.noun_before, j) || VerbLike(j))) ||
                     to_noun || prep_after_adj ||
                     Possessive(j) ||
                     (mention_at_[j] >= 0 &&
                      doc_.mentions[mention_at_[j]].type == EntityType::kNorp &&
                      j == i - 1);
      if (mention_at_[j] >= 0) {
        const EntityType type = doc_.mentions[mention_at_[j]].type;
        actor_before =
            type == EntityType::kNorp || type == EntityType::kGpe || type == EntityType::kOrg;
      }
    }
  }
  // A noun entry needs a noun position (or the start of a sentence: "Protests against X");
  // a verb entry must not stand in one ("the accused", "a protest").
  if (noun_form && !noun_context && !actor_before && !segment_start) return false;
  if (!noun_form) {
    // A verb form that is also a noun ("protest", "protests") is read as the noun after a
    // determiner or adjectives; one that is not ("accused") only after an immediate
    // determiner or possessive ("the accused"). A gerund after a preposition stays a verb.
    bool has_noun = false;
    for (const CueFormRef& r : *lex_.Find(H(i), L(i)))
      has_noun |= r.form == CueForm::kNoun || r.form == CueForm::kNounPlural;
    bool immediate = i - 1 >= lo && (Is(t_.det, i - 1) || Possessive(i - 1));
    if (ref.form == CueForm::kGerund && i - 1 >= lo) {
      // "400 opposing guerrillas", "between opposing players": an adjective.
      std::string_view p = L(i - 1);
      bool verbal_prep = p == "by" || p == "in" || p == "for" || p == "from" || p == "while" ||
                         p == "after" || p == "before" || p == "without" || p == "on" ||
                         p == "when" || p == "since" || p == "of";
      if (Kind(i - 1) == TokenKind::kNumber ||
          (Word(i - 1) && Is(t_.stop, i - 1) && !verbal_prep && !Is(t_.aux, i - 1) && p != "and" &&
           p != "but" && p != "also" && p != "not"))
        immediate = true;
      // "accused X of attacking ...", "criticised X for opposing ...": the content of another
      // cue, not a disapproval of its own ("stopped short of condemning" is a refusal).
      if ((p == "of" || p == "for") && !(i - 2 >= lo && (Is(t_.refusal, i - 2) ||
                                                          L(i - 2) == "short")))
        immediate = true;
    }
    if (ref.form == CueForm::kGerund ? immediate : has_noun ? noun_context : immediate)
      return false;
  }

  return true;
}

// The verb group around the cue: auxiliaries, negation, passive, infinitive, modality, and a
// refusal ("refused to criticise"). False when the verb is no disapproval here.
bool Reader::ReadVerbGroup(const CueEntry& e, const CueFormRef& ref, VerbReading* out) const {
  const int i = out->i, lo = out->lo, hi = out->hi, after = out->after;
  bool& negated = out->negated;
  bool& passive = out->passive;
  bool& infinitive = out->infinitive;
  bool& deontic = out->deontic;
  int& chain = out->chain;
  int& head_verb = out->head_verb;
  chain = AuxChainStart(i, &negated, &passive, &infinitive, &deontic);
  if (ref.form != CueForm::kPast) passive = false;
  bool& progressive = out->progressive;
  progressive = ref.form == CueForm::kGerund && chain < i && Is(t_.passive_aux, i - 1);
  if (progressive) passive = false;
  // "opposed to X" after "be" is an adjective with an active meaning ("is opposed to");
  // without "be" it describes people ("people opposed to the government": a role, like
  // "opponents") or is an idiom ("as opposed to").
  if (ref.form == CueForm::kPast && after < hi && L(after) == "to" && e.lemma == "oppose") {
    if (!passive) return false;
    passive = false;
  }
  if (RequestOrHypothetical(i, chain)) return false;
  // "alleged deployment", "the accused": a past participle used as an adjective or noun.
  if (ref.form == CueForm::kPast && chain == i && i - 1 >= lo &&
      (Is(t_.det, i - 1) || Possessive(i - 1)))
    return false;

  // Refusal: "refused to criticise", "stopped short of condemning", "declined to condemn".
  if (infinitive || (ref.form == CueForm::kGerund && i - 1 >= lo &&
                     (L(i - 1) == "of" || L(i - 1) == "from"))) {
    int r = infinitive ? chain - 1 : i - 2;
    if (!infinitive && r >= lo && L(r) == "short") --r;  // "stopped short of"
    if (r >= lo && Word(r) && Is(t_.refusal, r)) {
      negated = true;
      head_verb = r;
    }
  }

  out->a = SkipForward(after, hi);
  return true;
}

// The target, by the first rule that applies: "X is to blame", "X came under fire", the
// passive's subject, or the object, "that" clause or prepositional object of an active verb.
// False when none is found.
bool Reader::FindVerbTarget(const CueEntry& e, const CueFormRef& ref, VerbReading* r) const {
  const int i = r->i, lo = r->lo, hi = r->hi, a = r->a, chain = r->chain;
  const bool passive = r->passive, infinitive = r->infinitive;
  Phrase& target = r->target;
  Phrase& source = r->source;
  CondemnationRule& rule = r->rule;
  std::string& cameo = r->cameo;
  bool& source_known = r->source_known;
  Actor& speaker_source = r->speaker_source;
  bool& has_speaker_source = r->has_speaker_source;
  rule = passive ? CondemnationRule::kPassive : CondemnationRule::kActive;
  // "Israel is to blame", "Moura was also to blame": the subject of "be" is blamed by whoever
  // says so (the quote's speaker, or the speaker of the reported clause).
  int to = chain;
  while (to < i && L(to) != "to") ++to;
  int be = to - 1;
  while (be > chain && Adverb(be)) --be;
  if (e.blame && infinitive && to < i && be >= lo && Is(t_.passive_aux, be) &&
      ref.form == CueForm::kBase) {
    int b = be;
    while (b - 1 >= lo && Adverb(b - 1)) --b;
    target = SubjectBefore(b - 1, lo);
    if (target.empty()) return false;
    int q = quote_at_[i];
    if (q >= 0 && doc_.quotes[q].has_speaker) {
      speaker_source = doc_.quotes[q].speaker;
      has_speaker_source = true;
    } else if (q < 0) {
      source = SpeakerOfReportedClause(target);
    }
    source_known = true;
    rule = CondemnationRule::kToBlame;
  } else if (e.subj) {
    // "The Crying Game came under fire for ...": the subject is the target.
    if (a >= hi || !(L(a) == "for" || L(a) == "over")) return false;
    target = SubjectBefore(chain - 1, lo);
    if (target.empty()) return false;
    source_known = true;
    rule = CondemnationRule::kUnderFire;
  } else if (passive) {
    // "X was condemned by Y", "X was accused of Z by Y". Only transitive cues: "charged
    // with" is a legal charge, not "charged that".
    if (!e.obj) return false;
    target = SubjectBefore(chain - 1, lo);
    if (target.empty()) return false;
    for (int b = a; b < hi && b < a + 15; ++b) {
      if (Punct(b, ",") || Punct(b, ";")) break;
      if (Word(b) && L(b) == "by") {
        source = ForwardNP(b + 1, hi, nullptr, false);
        break;
      }
    }
    if (e.accuse && a < hi && L(a) == "of") {
      std::string sub = AccuseSubcode(a, hi);
      if (!sub.empty()) cameo = sub;
    }
    source_known = true;
  } else {
    if (e.that || e.obj) {
      int t = a;
      bool that = t < hi && L(t) == "that";
      if (e.that && !that && !e.obj) {
        // Only "allege" drops its "that" ("alleged the government had ..."); "charges she
        // has denied" is a noun.
        if (!e.clause) return false;
        // "alleged the government had ...": a clause subject followed by an auxiliary.
        Phrase np = t < hi && Is(t_.pronoun, t) && !Is(t_.first_person, t)
                        ? Phrase{t, t + 1}
                        : ForwardNP(t, hi, nullptr, false);
        if (np.empty() || np.last >= hi || !Is(t_.aux, np.last)) return false;
        target = np;
        rule = CondemnationRule::kThatClause;
      } else if (e.that && that) {
        target = ClauseTarget(t + 1, hi);
        rule = CondemnationRule::kThatClause;
      } else if (e.obj && !that) {
        const char* stop_prep = e.accuse ? "of for" : e.blame ? "for on" : nullptr;
        bool prep_first = false;
        for (std::string_view p : e.preps) prep_first |= (t < hi && L(t) == p);
        if (!prep_first && t < hi && !Is(t_.complement, t) && (!Is(t_.stop, t) || L(t) == "what"))
          target = ForwardNP(t, hi, stop_prep);
        // "accusing it of", "opposed it", "accused each other of".
        if (target.empty() && t < hi && Word(t) &&
            Is(t_.object_pronoun, t))
          target = {t, t + 1};
        if (target.empty() && t + 1 < hi &&
            ((L(t) == "each" && L(t + 1) == "other") || (L(t) == "one" && L(t + 1) == "another")))
          target = {t, t + 2};
        // "unrest which it blamed on government policies": the cause after "on".
        if (target.empty() && e.blame && t < hi && L(t) == "on") {
          target = ForwardNP(t + 1, hi, nullptr);
          if (!target.empty()) rule = CondemnationRule::kBlameOn;
        }
        if (!target.empty()) {
          int n = SkipForward(target.last, hi);
          if (e.accuse && n < hi && L(n) == "of") {
            rule = CondemnationRule::kAccuseOf;
            std::string sub = AccuseSubcode(n, hi);
            if (!sub.empty()) cameo = sub;
          } else if (e.blame && n < hi && L(n) == "on") {
            // "blamed the violence on the rebels": the cause named after "on" is the target.
            Phrase cause = ForwardNP(n + 1, hi, nullptr);
            if (!cause.empty()) target = cause;
            rule = CondemnationRule::kBlameOn;
          } else if (e.blame && n < hi && L(n) == "for") {
            rule = CondemnationRule::kBlameFor;
          }
        }
      }
    }
    if (target.empty() && !e.preps.empty()) {
      // "protested against X", "hit out at X"; "marched outside ... against X".
      int t = a;
      // "complained to Rangoon about the raids": the addressee comes first.
      if (t < hi && L(t) == "to" &&
          std::find(e.preps.begin(), e.preps.end(), "to") == e.preps.end()) {
        Phrase addressee = ForwardNP(t + 1, hi, nullptr, false);
        if (!addressee.empty()) t = SkipForward(addressee.last, hi);
      }
      bool found = false;
      for (std::string_view p : e.preps) found |= (t < hi && L(t) == p);
      if (!found) {
        for (int b = a; b < hi && b < a + 20; ++b) {
          if (Punct(b, ",") || Punct(b, ";") || Is(t_.pronoun, b) || LooksParticiple(b) ||
              (Word(b) && (L(b) == "and" || L(b) == "but" || L(b) == "that" || L(b) == "which")))
            break;
          if (Word(b) && L(b) == "against" &&
              std::find(e.preps.begin(), e.preps.end(), "against") != e.preps.end()) {
            t = b;
            found = true;
            break;
          }
        }
      }
      if (found) {
        target = ForwardNP(t + 1, hi, nullptr);
        rule = CondemnationRule::kPrep;
      }
    }
    if (target.empty()) return false;
  }
  return true;
}

// Objects that make the cue something else, or that it cannot disapprove of.
bool Reader::TargetFits(const CueEntry& e, const VerbReading& r) const {
  const int hi = r.hi;
  const bool passive = r.passive;
  const Phrase& target = r.target;
  if (e.verbal) {
    bool ok = false;
    for (int t = target.first; t < target.last; ++t) ok |= Is(t_.verbal_object, t);
    // "attacked Britain on Wednesday for allowing ...": a reason makes it verbal.
    int n = SkipForward(target.last, hi);
    if (n < hi && L(n) == "for" && !passive) ok = true;
    if (!ok) return false;
  }
  if (e.lemma == "reject") {
    for (int t = target.first; t < target.last; ++t)
      if (Is(t_.claim, t)) return false;  // rejecting a charge is denying it
  }
  if (e.lemma == "warn against") {
    for (int t = target.first; t < target.last; ++t)
      if (Is(t_.caution, t)) return false;
  }
  if (e.blame || e.actor) {
    // Blame disapproves of an actor or an action; "blamed a weakening franc" names a cause.
    bool actor = false;
    for (int t = target.first; t < target.last && !actor; ++t)
      actor = mention_at_[t] >= 0 || Is(t_.pronoun, t) || Is(t_.actor_noun, t) ||
              Is(t_.verbal_object, t) || (Cap(t) && Word(t)) || PeopleNoun(t) ||
              L(t) == "him" || L(t) == "them" || L(t) == "her" || L(t) == "other";
    if (!actor) return false;
  }

  return true;
}

// The source, by the first rule that applies (unless the target's rule decided it): the
// object of a control verb, a reduced relative's head, a participle's or infinitive's clause
// subject, a coordinated verb's subject, else the subject before the verb group; a modal verb
// in a reported clause gives the reporter. *given is set when the source is an actor already
// resolved. False when the verb has no source of its own (a headline verb).
bool Reader::FindVerbSource(const CueFormRef& ref, VerbReading* r, Actor* inherited,
                            const Actor** given) const {
  const int i = r->i, lo = r->lo, chain = r->chain, head_verb = r->head_verb;
  const bool passive = r->passive, infinitive = r->infinitive, deontic = r->deontic;
  const bool progressive = r->progressive, source_known = r->source_known;
  Phrase& source = r->source;
  CondemnationRule& rule = r->rule;
  if (!source_known) {
    int before = (head_verb >= 0 ? head_verb : chain) - 1;
    if (head_verb >= 0) {
      bool n1 = false, p1 = false, i1 = false, d1 = false;
      before = AuxChainStart(head_verb, &n1, &p1, &i1, &d1) - 1;
    }
    bool nonfinite = (ref.form == CueForm::kGerund && !progressive) ||
                     (infinitive && head_verb < 0);
    // "prompted the United States to charge that ...": the object of the verb is the source.
    bool control = false;
    if (infinitive && head_verb < 0 && chain - 1 >= lo && L(chain) == "to") {
      Phrase obj = BackwardNP(chain - 1, lo);
      if (!obj.empty() && obj.first - 1 >= lo && Word(obj.first - 1) &&
          Is(t_.control, obj.first - 1)) {
        source = obj;
        control = true;
        rule = CondemnationRule::kControl;
      }
    }
    if (control) {
      // decided above
    } else if (nonfinite && ref.form == CueForm::kGerund && i - 1 >= lo && Content(i - 1) &&
        !LooksParticiple(i - 1) && !Adverb(i - 1)) {
      // "an army source accusing rebel fighters", "with politicians criticising him"; not
      // "walked out on Sunday denouncing", "wrote to the OSCE complaining" (adverbials).
      source = BackwardNP(i - 1, lo);
      rule = CondemnationRule::kReducedRelative;
      int b = source.empty() ? -1 : source.first - 1;
      // "issued a statement condemning X": the statement's author, the clause's subject.
      if (source.empty() || Is(t_.time, i - 1) || Is(t_.document, i - 1) ||
          (b >= lo && Word(b) && Is(t_.stop, b) && L(b) != "with" && !Is(t_.det, b) &&
           !Is(t_.speech, b) && !Is(t_.aux, b) && L(b) != "and")) {
        source = ClauseSubject(i);
        rule = CondemnationRule::kAdjunct;
      }
    } else if (nonfinite) {
      source = ClauseSubject(i);
      rule = passive ? rule : CondemnationRule::kAdjunct;
    } else if (before >= lo && (Punct(before, ",") || (Word(before) && L(before) == "and")) &&
               last_sentence_ == doc_.tokens[i].sentence && last_target_end_ == before &&
               last_has_source_) {
      // "oppose A, oppose B": the second verb shares the first one's subject.
      *inherited = last_source_;
      *given = inherited;
      rule = CondemnationRule::kCoordinated;
    } else if (before >= lo && Word(before) && (L(before) == "and" || L(before) == "but")) {
      // "... have expressed support and denounced X": the clause's subject.
      source = ClauseSubject(before);
      rule = CondemnationRule::kCoordinated;
    } else {
      source = SubjectBefore(before, lo);
      if (!source.empty() && Word(source.first) && Is(t_.hypothetical, source.first))
        return false;
    }
    // "Wang said Beijing and Moscow should oppose X": the disapproval is Wang's.
    if (deontic && !source.empty() && quote_at_[i] < 0) {
      Phrase speaker = SpeakerOfReportedClause(source);
      if (!speaker.empty()) {
        source = speaker;
        rule = CondemnationRule::kReportedDeontic;
      }
    }
  }
  if (r->has_speaker_source) *given = &r->speaker_source;
  // A headline verb with no subject before it is not a finding of its own ("Slams Israel").
  if (!*given && source.empty() && !source_known && !passive) {
    if (ref.form == CueForm::kBase && !infinitive) return false;
  }
  return true;
}

PRESSLENS_OUT_OF_LINE void Reader::Run() {
  for (int i = 0; i < N(); ++i) {
    if (!Word(i)) continue;
    const CueFormRefs* refs = lex_.Find(H(i), L(i));
    if (!refs) continue;
    // Longer (multi-word) entries first, then verbs before nouns when both read.
    std::vector<CueFormRef>& order = order_;
    order.assign(refs->begin(), refs->end());
    // A stable insertion sort: a word has a few readings, and std::stable_sort allocates.
    for (size_t a = 1; a < order.size(); ++a) {
      const CueFormRef r = order[a];
      const size_t len = lex_.entry(r.entry).rest.size();
      size_t b = a;
      for (; b > 0 && lex_.entry(order[b - 1].entry).rest.size() < len; --b) order[b] = order[b - 1];
      order[b] = r;
    }
    for (const CueFormRef& r : order) {
      if (TryCue(i, r)) {
        i += static_cast<int>(lex_.entry(r.entry).rest.size());
        break;
      }
    }
  }
}

}  // namespace

CondemnationFinder::CondemnationFinder() : tables_(new Tables) {}
CondemnationFinder::~CondemnationFinder() = default;

std::shared_ptr<CondemnationScratch> CondemnationFinder::NewScratch() {
  return std::make_shared<CondemnationScratch>();
}

void CondemnationFinder::Run(Document* doc, CondemnationScratch* scratch) const {
  FillLowerCase(doc);  // when the document did not come from Tokenizer::Run
  Reader reader(*tables_, doc, scratch);
  reader.Run();
}

}  // namespace presslens
