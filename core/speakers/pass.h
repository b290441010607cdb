// The speaker pass's records and its class `SpeakerPass`, whose steps are the files of this
// folder; core/speakers.cc runs them in order (SpeakerPass::Run). Each file states what it
// reads and writes:
//   index.cc        per-token word classes and cues, the outermost quotes, entities by name
//   names.cc        name runs: titles trimmed, the fullest form of each name, subject names
//   actors.cc       the actor phrase before or after a cue: a name, a description, a pronoun
//   references.cc   pronouns and definite descriptions ("the spokesman") read as actors
//   events.cc       speech events: each cue outside quotes with its actor
//   quote_kind.cc   the events around each quote and its kind (direct, partial, scare)
//   rules.cc        the attribution rules, one function each, tried in order
//   propagation.cc  speakers written into quotes and carried from quote to quote
#ifndef PRESSLENS_SPEAKERS_PASS_H_
#define PRESSLENS_SPEAKERS_PASS_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chunker.h"
#include "document.h"
#include "speakers.h"
#include "speech_cues.h"
#include "tokens.h"

namespace presslens {
namespace speakers {

constexpr int kSubjectWindow = 25;  // tokens between a cue and the start of its clause
constexpr int kPreWindow = 60;      // tokens before a quote searched for its cue
constexpr int kPostWindow = 30;     // tokens after a quote searched for its attribution

inline bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

}  // namespace speakers

// The word lists the rules read: sections of data/en/function-words.txt and
// data/speaker-words.txt (CueLexicon::List).
struct SpeakerLists {
  explicit SpeakerLists(const CueLexicon& lex)
      : subject_pronoun(lex.List("subject-pronoun")),
        group_pronoun(lex.List("group-pronoun")),
        noun_determiner(lex.List("noun-determiner")),
        clause_opener(lex.List("clause-opener")),
        not_subject_verb(lex.List("not-subject-verb")),
        clause_coordinator(lex.List("clause-coordinator")),
        place_preposition(lex.List("place-preposition")),
        role_preposition(lex.List("role-preposition")),
        author_preposition(lex.List("author-preposition")),
        title_small_word(lex.List("title-small-word")),
        document_noun(lex.List("document-noun")),
        statement_noun(lex.List("statement-noun")),
        label_verb(lex.List("label-verb")),
        irregular_said(lex.List("irregular-said")),
        comma_inverted_cue(lex.List("comma-inverted-cue")),
        definite_article(lex.List("definite-article")),
        genitive_preposition(lex.List("genitive-preposition")),
        additive_conjunction(lex.List("additive-conjunction")),
        predicative_as(lex.List("predicative-as")),
        expletive_subject(lex.List("expletive-subject")),
        label_preposition(lex.List("label-preposition")),
        singular_in_s(lex.List("singular-in-s")),
        publication_noun(lex.List("publication-noun")),
        possessive_pronoun(lex.List("possessive-pronoun")),
        masculine_pronoun(lex.List("masculine-pronoun")),
        feminine_pronoun(lex.List("feminine-pronoun")),
        agent_preposition(lex.List("agent-preposition")),
        subordinator(lex.List("subordinator")),
        speech_particle(lex.List("speech-particle")),
        after_quote_verb(lex.List("after-quote-verb")),
        relative_pronoun(lex.List("speaker-relative")) {}
  const WordHashSet &subject_pronoun, &group_pronoun, &noun_determiner, &clause_opener,
      &not_subject_verb, &clause_coordinator, &place_preposition, &role_preposition,
      &author_preposition, &title_small_word, &document_noun, &statement_noun, &label_verb,
      &irregular_said, &comma_inverted_cue, &definite_article, &genitive_preposition,
      &additive_conjunction, &predicative_as, &expletive_subject, &label_preposition,
      &singular_in_s, &publication_noun, &possessive_pronoun, &masculine_pronoun,
      &feminine_pronoun, &agent_preposition, &subordinator, &speech_particle, &after_quote_verb,
      &relative_pronoun;
};

namespace speakers {

// A map from a string (viewed, not owned) to an int: open addressing over 64-bit hashes with
// the key compared, built per Run without a heap node per key.
class StringIndex {
 public:
  // Empties the map and sizes it for n keys, at most FlatMap::kResetRoom (reusing the slots'
  // memory of an earlier Run); beyond, it grows as keys come.
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * std::min(n, FlatMap::kResetRoom)) cap *= 2;
    Clear(cap);
  }
  // The value of `key` (h = Hash(kHashSeed, key)), inserting `value` when it is new.
  int* Emplace(uint64_t h, std::string_view key, int value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Slot* s = Probe(h, key);
    if (s->value < 0) {
      *s = Slot{h, key, value};
      ++size_;
    }
    return &s->value;
  }
  const int* Find(uint64_t h, std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const Slot* s = const_cast<StringIndex*>(this)->Probe(h, key);
    return s->value >= 0 ? &s->value : nullptr;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    std::string_view key;
    int value = -1;  // -1: empty
  };
  Slot* Probe(uint64_t h, std::string_view key) {
    for (size_t i = (h ^ (h >> 29)) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value < 0 || (s.hash == h && s.key.size() == key.size() &&
                          SameBytes(s.key.data(), key.data(), key.size())))
        return &s;
    }
  }
  void Clear(size_t cap) {  // cap slots, a power of two
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    size_ = 0;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    Clear(old.empty() ? 16 : 2 * old.size());
    for (const Slot& s : old)
      if (s.value >= 0) *Probe(s.hash, s.key) = s, ++size_;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct Who {
  bool ok = false;
  int first = -1, last = -1;  // the mention's tokens [first, last)
  enum Kind { kName, kPronoun, kDescription, kJoint } kind = kName;
  std::string name;
  int entity = -1;
  bool human = false;   // "he"/"she" may refer to it
  bool plural = false;  // "they" may refer to it
  bool org = false;     // "it" may refer to it

  // An actor of `kind` at tokens [first, last), the rest to be filled.
  static Who At(Kind kind, int first, int last) {
    Who w;
    w.ok = true;
    w.kind = kind;
    w.first = first;
    w.last = last;
    return w;
  }
  // This phrase stands for `actor` (read as `as`), keeping its own tokens: "he" for its
  // antecedent, "the spokesman" for the spokesman named earlier.
  void StandFor(const Who& actor, Kind as) {
    const int f = first, l = last;
    *this = actor;
    first = f;
    last = l;
    kind = as;
  }
};

struct Event {
  int verb = 0, verb_end = 0;  // cue tokens [verb, verb_end)
  const CueInfo* cue = nullptr;
  Who who;               // resolved actor (who.ok false when none)
  bool inverted = false;  // subject after the cue: "said X", "according to X"
  bool had_subject = false;  // a subject was found, even if it is a pronoun left unresolved
};

// The speech events around one quote, as the attribution rules read them.
struct QuoteContext {
  size_t qi = 0;               // index of the quote among the outermost ones
  const QuoteSpan* q = nullptr;
  bool headline = false;       // the quote opens in a headline
  int post = -1;               // event right after the quote in its sentence ("Q," X said)
  int pre_strong = -1;         // nearest event before it in its sentence, not a report verb
  int pre_report = -1;         // nearest report-verb event before it (agree, accuse ...)
  bool pre_unresolved = false; // "what they termed "Q"" with nobody for "they"
};

// What an attribution rule found: the speech event giving speaker and cue, or an earlier
// quote whose speaker and cue are repeated (quote >= 0; event is that quote's event).
struct Attribution {
  int event = -1;
  int quote = -1;
  QuoteRuleId rule;
  explicit operator bool() const { return event >= 0; }
};

// A name run of the text: tokens [first, last), its text RawText(first, last).
struct FullNameRun {
  int first, last;
};

}  // namespace speakers

// The per-token arrays and tables of one Run, kept per thread between calls: a short article
// would otherwise allocate (and free) each of them on every call. SpeakerPass empties what it reads
// before use; SpeakerFinder::Run drops them after a very long text.
// The pass's buffers, kept by the caller from one Run to the next (speakers.h).
struct SpeakerScratch {
  std::vector<int> cue_tokens, outer, from_event;
  std::vector<const CueInfo*> cues;
  std::vector<EntityType> entity_type;
  std::vector<uint32_t> class_bits;
  std::vector<speakers::FullNameRun> full_names;
  speakers::StringIndex full_by_last, full_by_first, entity_by_name;
  std::vector<std::string_view> article_name;
  std::string article_text;
  std::vector<std::pair<int, int>> subject_names;
  std::vector<speakers::Event> events;
  struct Longest {
    int first = -1, last = -1;
    size_t size = 0;
    bool exact = false;
  };
  std::vector<Longest> longest;
  std::vector<size_t> offset;
};

namespace speakers {

class SpeakerPass {
 public:
  SpeakerPass(Document* doc, const SpeechLexicon& lex, const SpeakerLists& lists,
       const ChunkIndex& chunks, const Chunker& chunker, SpeakerScratch* scratch)
      : doc_(*doc),
        lex_(lex),
        lists_(lists),
        chunker_(chunker),
        tokens_(doc->tokens),
        n_(static_cast<int>(tokens_.size())),
        s_(*scratch),
        mention_at_(chunks.mention_at()) {
    SwapScratch();  // the per-token arrays are plain members while the pass runs
    // The per-token classes (filled by Index()) first: the largest block of the pass, it fits
    // the holes the earlier stages left before the smaller ones split them.
    class_.resize(n_);
    cue_tokens_.clear();
    cues_.clear();
    outer_.clear();
    full_names_.clear();
    subject_names_.clear();
    events_.clear();
    // Sized for the article (a few name keys per hundred tokens); they grow when needed.
    full_by_last_.Reserve(static_cast<size_t>(n_) / 32);
    full_by_first_.Reserve(static_cast<size_t>(n_) / 32);
  }

  ~SpeakerPass() { SwapScratch(); }
  SpeakerPass(const SpeakerPass&) = delete;
  SpeakerPass& operator=(const SpeakerPass&) = delete;

  void Run();

 private:
  // Takes the per-token arrays from the scratch (and gives them back): as members, each access
  // is one load less than through a reference.
  void SwapScratch() {
    entity_type_.swap(s_.entity_type);
    class_.swap(s_.class_bits);
  }
  std::string_view Text(int i) const { return doc_.TokenText(i); }
  // Token i in lower case: a view into the document's lower-case text.
  std::string_view LowerAt(int i) const { return doc_.LowerTokenText(i); }
  // Token i is the one character c ("," "." ")" ...).
  bool Char(int i, char c) const {
    const Token& t = tokens_[i];
    return t.end - t.start == 1 && doc_.text[t.start] == c;
  }
  // Token i is in one of `classes` (WordClass bits of speech_cues.h): found once per token by
  // Index() for its lower-case form and its spelling.
  bool Is(int i, uint32_t classes) const { return (class_[i] & classes) != 0; }
  // Token i's lower-case form is in `list`.
  bool InList(int i, const WordHashSet& list) const {
    return list.Has(doc_.folded_hash[i], LowerAt(i));
  }
  EntityType TypeOfEntity(int entity) const { return entity_type_[entity]; }
  int SentenceOf(int i) const { return tokens_[i].sentence; }
  int SentenceFirst(int i) const {
    int s = tokens_[i].sentence;
    return s >= 0 ? doc_.sentences[s].first : 0;
  }
  int SentenceLast(int i) const {
    int s = tokens_[i].sentence;
    return s >= 0 ? doc_.sentences[s].last : n_;
  }
  bool IsMark(int i) const { return tokens_[i].kind == TokenKind::kQuote; }
  // Inside a quote or one of its marks (an apostrophe mark, as in "bishops'", is not).
  bool InQuote(int i) const { return (class_[i] & kInQuoteBit) != 0; }
  bool Headline(int sentence) const;
  bool IsWord(int i) const { return tokens_[i].kind == TokenKind::kWord; }
  // A lower-case word in -ly ("pleasantly", "rhetorically").
  bool Adverb(int i) const {
    const std::string_view w = Text(i);
    return IsWord(i) && !tokens_[i].upper_initial && w.size() > 3 &&
           w.compare(w.size() - 2, 2, "ly") == 0;
  }
  // A noun of age that stands for a person: "the 43-year-old".
  static bool AgeNoun(std::string_view lower) {
    return lower.size() >= 8 && lower.compare(lower.size() - 8, 8, "year-old") == 0;
  }
  // Capitalised word that can be part of a name (cached per token: the scans ask often).
  bool NameToken(int i) const { return (class_[i] & kNameTokenBit) != 0; }
  // The speech cue a word token is a form of, or nullptr (cached per token).
  const CueInfo* CueAt(int i) const {
    if (!(class_[i] & kCueBit)) return nullptr;
    return cues_[std::lower_bound(cue_tokens_.begin(), cue_tokens_.end(), i) - cue_tokens_.begin()];
  }
  // The outermost quote (index into outer_) token i is in (InQuote(i)): the last one opened
  // before it that reaches it.
  int QuoteAt(int i) const {
    int k = static_cast<int>(std::upper_bound(outer_.begin(), outer_.end(), i, [&](int t, int q) {
              return t < doc_.quote_spans[q].open_token;
            }) - outer_.begin()) - 1;
    while (k > 0 && QuoteEnd(doc_.quote_spans[outer_[k]]) <= i) --k;
    return k;
  }
  static int QuoteEnd(const QuoteSpan& q) { return q.close_token >= 0 ? q.close_token + 1 : q.last; }
  // The full stop of an initial inside a name ("P. Arulanandam", "N.J. Bose").
  bool InitialDot(int i) const {
    return i > 0 && i + 1 < n_ && Char(i, '.') && !tokens_[i].space_before &&
           Text(i - 1).size() == 1 && tokens_[i - 1].upper_initial && NameToken(i + 1);
  }
  const Mention* MentionAt(int i) const {
    int m = mention_at_[i];
    return m >= 0 ? &doc_.mentions[m] : nullptr;
  }

  void Index();
  void IndexEntities();
  void IndexNameRuns();
  void AddVerbsAfterQuotes();
  std::string FullName(const std::string& name) const;
  // The words of [first, last) joined by single spaces where the text has space: names stay
  // clean of line breaks, runs of spaces and bytes that are not part of any token.
  std::string RawText(int first, int last) const {
    std::string out;
    for (int k = first; k < last; ++k) {
      if (k > first && tokens_[k].space_before) out.push_back(' ');
      out.append(Text(k));
    }
    return out;
  }
  // RawText(first, last) == s, without building the text.
  bool RawTextIs(int first, int last, std::string_view s) const {
    size_t pos = 0;
    for (int k = first; k < last; ++k) {
      if (k > first && tokens_[k].space_before) {
        if (pos >= s.size() || s[pos] != ' ') return false;
        ++pos;
      }
      std::string_view t = Text(k);
      if (s.size() - pos < t.size() || !SameBytes(s.data() + pos, t.data(), t.size()))
        return false;
      pos += t.size();
    }
    return pos == s.size();
  }
  // RawText(first, last).size(), without building the text.
  size_t RawTextSize(int first, int last) const {
    size_t n = 0;
    for (int k = first; k < last; ++k) n += Text(k).size() + (k > first && tokens_[k].space_before);
    return n;
  }
  Who NameWho(int first, int last) const;
  // The entity's name as the article gives it: its canonical name when the text uses it, else
  // the longest mention ("U.N. Security Council", not a lexicon's "United Nations Security
  // Council"). Filled for all entities by Index().
  std::string_view ArticleName(int entity) const { return article_name_[entity]; }
  Who DescriptionWho(int first, int name_first, int last) const;
  Who PronounWho(int i) const;
  void RunOn(Who* who, int p, int last) const;
  Who ParseLeft(int e, int floor) const;
  Who ParseRight(int s, int limit) const;
  Who ParticipleSubject(int v, int floor) const;
  Who ClauseSubject(int v, int floor, bool exact_floor = false) const;
  void TrimName(int* first, int last) const;
  std::string StripTitles(std::string_view name) const;
  void Resolve(Who* who) const;
  Who ActorAt(int first, int last) const;
  void ResolveDefinite(Who* who);
  Who AuthorOf(int k) const;
  void ExportEvents();
  void AdvanceSubjects(int at);
  void Remember(const Who& who);
  void BuildEvents();
  void OpeningParticipleSubjects();
  void ReleaseIndexes();
  bool AccordingTo(int i, Event* event) const;
  void QuotedAs(int i, int floor, int limit, Event* event) const;
  // group: the verb group before the cue (Chunker::VerbGroupBefore).
  void ActiveSpeaker(int i, int floor, int limit, const VerbGroup& group, Event* event) const;
  void Attribute();
  void CarrySpeakers(size_t count);
  void ContinuedByNext(size_t count);
  void ReopenedParagraphs(size_t count);
  void HeadlineRepeatsBody(size_t count);
  QuoteKind FragmentKind(const QuoteSpan& q, int post, int pre_strong, bool headline) const;
  // The first event whose verb is at or after `token`.
  int EventsFrom(int token) const {
    return static_cast<int>(std::lower_bound(events_.begin(), events_.end(), token,
                                             [](const Event& e, int t) { return e.verb < t; }) -
                            events_.begin());
  }
  void Assign(QuoteRecord* out, const Event& ev, QuoteRuleId rule) const;
  void WriteActor(const Who& who, Actor* out) const;
  static void TakeSpeaker(const QuoteRecord& from, QuoteRecord* to);
  QuoteContext ContextOf(size_t qi, size_t count) const;
  QuoteKind KindOf(const QuoteContext& c) const;
  bool FillsSentence(const QuoteContext& c) const;
  Attribution FragmentSpeaker(const QuoteContext& c) const;
  Attribution SpeakerAfter(const QuoteContext& c) const;
  Attribution SpeakerBefore(const QuoteContext& c) const;
  Attribution ContinuesPrevious(const QuoteContext& c, const std::vector<int>& from_event) const;
  Attribution SpeakerPreviousSentence(const QuoteContext& c) const;
  bool NarrativeAbout(int s, const QuoteRecord& prev, const Who& prev_who) const;
  Who DashSpeaker(const QuoteContext& c) const;
  Who LabelSpeaker(const QuoteContext& c) const;
  int IntroducingColon(const QuoteContext& c) const;
  Attribution ColonEventBefore(const QuoteContext& c) const;
  Who ColonSubject(const QuoteContext& c) const;
  Who TranscriptLabel(const QuoteContext& c) const;
  int LabelColon(const QuoteSpan& q) const;
  int PersonByLastWord(std::string_view word) const;
  mutable std::vector<std::pair<uint64_t, int>> person_by_last_;  // (last-word hash, entity)
  mutable bool person_by_last_built_ = false;
  void SetSpeakerWithoutCue(const Who& who, QuoteRule rule, QuoteRecord* out) const;
  void TranscriptTurns();
  QuoteRuleId RuleFor(const Event& ev, bool post) const;
  bool TitleCase(const QuoteSpan& q) const;

  Document& doc_;
  const SpeechLexicon& lex_;
  const SpeakerLists& lists_;
  const Chunker& chunker_;
  const std::vector<Token>& tokens_;
  const int n_;
  SpeakerScratch& s_;  // the arrays below live there
  const TokenMentions mention_at_;  // token -> mention index, or -1 (the ChunkIndex's)
  std::vector<EntityType> entity_type_;
  // token -> WordClass bits (see Is()), and the bits below, which Index() sets above them;
  // TrimInfo() keeps its answers in bits kTrimShift.. (mutable for that).
  mutable std::vector<uint32_t> class_;
  static constexpr uint32_t kNameTokenBit = 1u << 28, kCueBit = 1u << 29, kInQuoteBit = 1u << 30;
  static constexpr int kTrimShift = 22;
  static_assert(uint32_t{kNotVerb} < (1u << kTrimShift) && (7u << kTrimShift) < kNameTokenBit &&
                    uint32_t{kSpellings} > kInQuoteBit,
                "the speaker pass's token bits are no WordClass bits");
  // TrimName's questions about a token, answered once (in class_): kTrimKnown, kTrimTitle,
  // kTrimParticiple.
  enum : uint8_t { kTrimKnown = 1, kTrimTitle = 2, kTrimParticiple = 4 };
  uint8_t TrimInfo(int k) const;
  std::vector<int>& cue_tokens_ = s_.cue_tokens;  // the tokens with a cue, in text order
  std::vector<const CueInfo*>& cues_ = s_.cues;     // their cues
  std::vector<CueInfo> verbs_after_quotes_;  // the cues AddVerbsAfterQuotes adds
  std::vector<int>& outer_ = s_.outer;  // outermost quote spans (indices into doc->quote_spans)
  // Fullest name by last and by first word: index into full_names_, keyed by views of token
  // text (doc_.text outlives the Run) and hashed by their folded hash (the tokenizer's).
  std::vector<FullNameRun>& full_names_ = s_.full_names;
  StringIndex& full_by_last_ = s_.full_by_last;
  StringIndex& full_by_first_ = s_.full_by_first;
  void Better(StringIndex* map, int key_token, int first, int last);
  // Canonical and article name -> entity; keys view doc_.entities and article_name_,
  // which do not change once Index() has run.
  StringIndex& entity_by_name_ = s_.entity_by_name;
  // see ArticleName(): entity names or views
  std::vector<std::string_view>& article_name_ = s_.article_name;
  std::string& article_text_ = s_.article_text;  // into this, the names built from mentions
  // name runs in subject position, text order
  std::vector<std::pair<int, int>>& subject_names_ = s_.subject_names;
  std::vector<Event>& events_ = s_.events;  // by verb position
  Who last_human_;                          // the newest person speaking, for "the 43-year-old"
  int last_event_verb_ = -1;
  size_t next_subject_ = 0;
  Who last_subject_;
  int last_subject_sentence_ = -1;
};

}  // namespace speakers
}  // namespace presslens

#endif  // PRESSLENS_SPEAKERS_PASS_H_
