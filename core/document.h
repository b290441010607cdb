// The analysed text and what the pipeline stages have found in it so far. Internal to core/.
//
// Stages run in order (analyzer.cc), each reading what the earlier ones wrote and writing only
// its own fields:
//   Tokenizer            text -> tokens, sentences, lower_text, folded_hash
//   QuoteFinder          tokens, sentences -> quote_spans
//   EntityFinder         tokens, sentences -> mentions, entities
//   ChunkIndex::Build    tokens, quote_spans, mentions -> the chunker's index (chunker.h; kept
//                        beside the Document): the speaker and condemnation stages read phrases,
//                        clause subjects, verb groups and time phrases through a Chunker over it
//   CoreferenceFinder    tokens, quote_spans, mentions, entities -> references (coreference.h)
//   SpeakerFinder        quote_spans, mentions, entities, references -> quotes, speech_events
//   CondemnationFinder   all of the above -> condemnations (denials among them)
//   AttributionFinder    tokens, quote_spans, mentions, quotes, speech_events, condemnations
//                        -> quotes
//                        (reported speech, appended)
//   BuildResult          entities, quotes, condemnations -> the public Result (result.cc)
// All offsets are UTF-8 byte offsets into `text`.
#ifndef PRESSLENS_DOCUMENT_H_
#define PRESSLENS_DOCUMENT_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/presslens.h"
#include "types.h"

// Keeps a function out of its callers (clang's inliner; Binaryen still inlines a function with
// one caller up to the link's --one-caller-inline-max-function-size). The core marks with it
// the steps that run once per text or per Analyzer, and the rare paths of loops over every
// token or character. Why, in wasm: V8 recompiles a function with TurboFan on its background
// threads once the function has used its budget, charging each turn of a loop the size of the
// loop's whole body, rare paths included, and that compile costs more than linearly in the
// function's size. Small functions and small loop bodies compile sooner and leave the main
// thread its CPU during the first analyze(). This is the one place the reason is stated; a use
// needs no comment of its own.
#if defined(__GNUC__)
#define PRESSLENS_OUT_OF_LINE __attribute__((noinline))
#else
#define PRESSLENS_OUT_OF_LINE
#endif

namespace presslens {

// Texts longer than this (bytes) are long: the pipeline frees each buffer once no later stage
// reads it, so that the peak memory of a call stays a few bytes per byte of text; shorter texts
// keep the buffers for the next call.
constexpr size_t kLongText = size_t{1} << 20;

enum class TokenKind : uint8_t {
  kWord,    // letters (with inner apostrophes, hyphens, periods: O'Neill, U.S., Kurdish-led)
  kClitic,  // 's 're 've 'll 'd 'm n't split off a word (’ or ')
  kNumber,  // digits with inner . , : / - (1996-08-30, 3.5, 10,000) and suffixes (1990s, 21st)
  kQuote,   // a quotation-mark character: " “ ” ‘ ’ ' « » „ ‚ ‹ ›
  kPunct,   // any other non-space character
};

// A text has at most this many sentences (Token::sentence is 24 bits): the tokens after the
// last but one are all in the last.
constexpr int kMaxSentences = 1 << 23;

struct Token {  // 12 bytes: a long text has one per ~5 bytes
  uint32_t start = 0, end = 0;
  TokenKind kind : 3;
  bool upper_initial : 1;      // first letter is upper case
  bool all_caps : 1;           // has letters and all are upper case
  bool space_before : 1;       // whitespace (or text start) right before
  bool newline_before : 1;     // a line break between the previous token and this one
  bool capitals : 1;           // has an ASCII capital letter (differs from its lower case)
  int sentence : 24;           // index into Document::sentences, or -1
  Token()
      : kind(TokenKind::kPunct), upper_initial(false), all_caps(false), space_before(false),
        newline_before(false), capitals(false), sentence(-1) {}
};
static_assert(sizeof(Token) == 12, "Token packs its sentence, kind and flags in one word");

struct Sentence {
  uint32_t start = 0, end = 0;  // bytes: first token start, last token end
  int first = 0, last = 0;      // token range [first, last)
  bool headline = false;        // a line of its own with no final . ! ? (headline, dateline)
};

// A quotation found by QuoteFinder, before speakers are attributed.
struct QuoteSpan {
  int open_token = -1;   // the opening mark's token
  int close_token = -1;  // -1 when unterminated
  uint32_t start = 0, end = 0;  // inside the marks
  int first = 0, last = 0;      // tokens strictly inside [first, last)
  bool nested = false;          // inside another quote: not reported
  bool starts_clause = false;   // QuoteStartsClause (quotes.h): an utterance, not a fragment
};

// An entity mention found by EntityFinder (24 bytes: the one-byte fields share a word).
struct Mention {
  uint32_t start = 0, end = 0;
  int first = 0, last = 0;  // token range [first, last)
  int entity = -1;          // index into Document::entities
  EntityType type = EntityType::kMisc;
  MentionRule rule = MentionRule::kModel;
};
static_assert(sizeof(Mention) == 24, "Mention keeps its type and rule in one word");

// What a pronoun or definite description refers to, as CoreferenceFinder decides it.
struct Reference {
  int first = -1, last = -1;  // the referring expression's tokens ("he", "the minister")
  int antecedent_first = -1, antecedent_last = -1;  // the actor's name or description; -1: none
  int entity = -1;                                  // the antecedent's entity, or -1
};

// A speech event's speaker: what the later stages read of it (they fill the rest of an Actor).
struct EventSpeaker {
  int entity = -1;
  std::string name;
  Span span;  // the mention the speaker is read from
};

// A speech event as SpeakerFinder reads it ("Lavrov said", "according to the ministry"): its
// cue tokens and its resolved speaker. AttributionFinder gives reported speech these speakers.
struct SpeechEvent {
  int cue_first = 0, cue_last = 0;  // cue tokens [cue_first, cue_last)
  std::string_view lemma;
  bool has_speaker = false;
  EventSpeaker speaker;
};

// A quote: one per outermost quote span, in text order, as SpeakerFinder settles it; then the
// reported speech AttributionFinder finds, in text order.
struct QuoteRecord {
  int span = -1;  // index into Document::quote_spans; -1 for reported speech
  uint32_t start = 0, end = 0;  // reported speech: the content
  QuoteKind kind = QuoteKind::kDirect;
  QuoteRuleId rule;
  bool has_speaker = false;
  Actor speaker;
  bool has_cue = false;
  Cue cue;
};

// A condemnation as CondemnationFinder reads it: the finding (its `rule` string left empty;
// quote is an index into Document::quotes) and the rule as a code.
struct CondemnationRecord {
  Condemnation finding;
  CondemnationRuleId rule;
  bool deny = false;  // a denial (Result::denials)
};

struct Document {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<QuoteSpan> quote_spans;  // in text order; nested ones flagged
  std::vector<Mention> mentions;       // in text order, non-overlapping
  std::vector<Entity> entities;        // canonical entities, in order of first mention
  std::vector<Reference> references;   // by first token
  std::vector<QuoteRecord> quotes;     // one per outermost quote span, then reported speech
  std::vector<SpeechEvent> speech_events;  // in text order
  std::vector<CondemnationRecord> condemnations;
  // Filled by Tokenizer for the later stages, which ask about lower-case words all the time:
  std::string lower_text;              // text in ASCII lower case (same byte offsets)
  std::vector<uint64_t> folded_hash;   // per token: Hash(kHashSeed, TokenText(i), true) of
                                       // gazetteer.h, i.e. FNV-1a of its lower-case text

  // Empties the document for `text`, keeping its vectors' storage for the next call.
  void Reset(std::string_view new_text) {
    text = new_text;
    tokens.clear();
    sentences.clear();
    quote_spans.clear();
    mentions.clear();
    entities.clear();
    references.clear();
    quotes.clear();
    speech_events.clear();
    condemnations.clear();
    lower_text.clear();
    folded_hash.clear();
  }

  // Tokens lie inside the text, so the views are made without substr()'s range check (the
  // stages ask for token texts hundreds of thousands of times per call).
  std::string_view TokenText(int i) const {
    const Token& t = tokens[i];
    return std::string_view(text.data() + t.start, t.end - t.start);
  }
  std::string_view LowerTokenText(int i) const {
    const Token& t = tokens[i];
    return std::string_view(lower_text.data() + t.start, t.end - t.start);
  }
  std::string_view SpanText(uint32_t start, uint32_t end) const {
    return text.substr(start, end - start);
  }
  // The reference whose expression starts at token i, or nullptr.
  const Reference* ReferenceAt(int i) const {
    auto it = std::lower_bound(references.begin(), references.end(), i,
                               [](const Reference& r, int token) { return r.first < token; });
    return it != references.end() && it->first == i ? &*it : nullptr;
  }
};

}  // namespace presslens

#endif  // PRESSLENS_DOCUMENT_H_
