// presslens: who is named, who said what, and who condemned whom in English news text.
//
// The core is plain C++17 + RE2. It reads UTF-8 text and returns plain data:
//
//   presslens::Analyzer analyzer;                 // compiles lexicons and patterns once
//   presslens::Result r = analyzer.Analyze(text); // any bytes; never throws on odd input
//   std::string json = presslens::ToJson(r, text);  // schema presslens/1, UTF-16 offsets
//
// Offsets in Result are UTF-8 byte offsets into the analysed text, half-open [start, end).
// ToJson converts them, once, into UTF-16 code-unit indices (JavaScript string indices), which
// is what the JavaScript package and the CLI expose.
//
// An Analyzer is immutable after construction; Analyze is const and may be called from
// several threads at once.
#ifndef PRESSLENS_PRESSLENS_H_
#define PRESSLENS_PRESSLENS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

struct Span {
  uint32_t start = 0;  // UTF-8 byte offset, inclusive
  uint32_t end = 0;    // UTF-8 byte offset, exclusive
  bool empty() const { return end <= start; }
};

// A canonical entity and every mention of it. Types: PERSON, ORG, GPE, LOC, NORP, EVENT.
struct Entity {
  std::string type;
  std::string name;             // canonical name: the fullest form the text gives
  std::vector<Span> mentions;   // in text order
  std::string title;            // "Foreign Minister"; empty when none
  std::string country;          // NORP: the country of a demonym ("Chinese" -> "China");
                                // PERSON/ORG: its country when the knowledge base knows it
  std::string refers_to;        // GPE/ORG used as an actor: the country ("the Kremlin" -> "Russia")
  std::string wikidata;         // Wikidata id from the knowledge base when the text agrees
                                // ("Q355"); NORP and refers_to actors: their country's id
};

// Who said something or who condemned. entity is an index into Result::entities, or -1 for an
// unnamed actor ("a Foreign Office spokesman"), whose name is the describing phrase.
struct Actor {
  int entity = -1;
  std::string name;
  Span span;  // the mention the attribution uses (a name, pronoun or description)
  std::string wikidata;  // the entity's Wikidata id, when it has one (Entity::wikidata)
  std::string country;   // the entity's country, when known (Entity::country)
  // A joint actor ("China & Russia", "African Union & Nigeria's president"): each of them, with
  // its own entity, span, id and country, so that a finding can be read as one per actor.
  std::vector<Actor> actors;
};

struct Cue {
  std::string lemma;  // "say", "condemn", "according to"
  Span span;
  std::string cameo;  // CAMEO code for condemnation cues ("111"); empty for speech cues
};

struct Quote {
  Span span;              // the text strictly inside the marks
  std::string kind;       // "direct", "partial" or "scare"
  bool has_speaker = false;
  Actor speaker;
  bool has_cue = false;
  Cue cue;
  std::string rule;       // the rule that decided the speaker (or the kind, when none)
};

struct Target {
  Span span;
  int entity = -1;       // when the target is one entity
  std::string wikidata;  // that entity's Wikidata id and country, when known
  std::string country;
};

// The PLOVER event and mode of a CAMEO code (data/plover.tsv): {"ACCUSE", "disapprove"} for
// "111". event is empty when the code has no reading; mode is empty when the reading has none.
struct Plover {
  std::string event;
  std::string mode;
};

struct Condemnation {
  Span span;  // the clause
  Cue cue;
  Plover plover;  // the reading of cue.cameo
  bool has_source = false;
  Actor source;
  Target target;
  bool negated = false;
  int quote = -1;  // index into Result::quotes when the cue is inside a quote
  std::string rule;
};

struct Result {
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Condemnation> condemnations;
  // Denials of an accusation or claim ("The Kremlin denied that the plant had been a target"),
  // in the condemnations' record: cue.lemma "deny" (or "denial", "refute", "rebut"), cue.cameo
  // "016", no PLOVER reading, the target is what is denied.
  std::vector<Condemnation> denials;
};

// A name the user adds at run time, e.g. {"Acme Corp", "ORG", {"Acme"}}.
struct LexiconEntry {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
};

struct Options {
  std::vector<LexiconEntry> lexicon;
};

class Analyzer {
 public:
  // Compiles patterns and tables. Invalid user lexicon entries (unknown type, empty name) are
  // skipped; see Analyzer::errors().
  explicit Analyzer(const Options& options = Options());
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Analyses any byte string. Invalid UTF-8 is read as U+FFFD per bad byte; spans never split
  // a UTF-8 sequence.
  Result Analyze(std::string_view text) const;

  // Messages about options that were ignored (e.g. a lexicon entry with an unknown type).
  const std::vector<std::string>& errors() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The result as JSON (schema presslens/1) with every offset converted to UTF-16 code units of
// `text`, which must be the text that was analysed. Span texts are not included: the JavaScript
// layer slices them from its own string, so they are exactly text.slice(start, end).
std::string ToJson(const Result& result, std::string_view text);

}  // namespace presslens

#endif  // PRESSLENS_PRESSLENS_H_
