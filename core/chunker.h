// Chunker: noun phrases read forward and backward from a token, the subject before a verb or
// an appositive, the subject of the clause a word hangs from, the speaker of a reported clause,
// the doer of a clause (its by-agent when passive) and the verb group before a verb (negation,
// modality, passive, infinitive). Phrases are chunked with closed word classes
// (data/condemnation-words.txt, data/en/function-words.txt): everything that is not a stop
// word, punctuation or an adverb counts as part of a noun phrase.
// Every scan is bounded by the sentence and a small window, so a pass over a text is linear.
#ifndef PRESSLENS_CHUNKER_H_
#define PRESSLENS_CHUNKER_H_

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "condemnation_lexicon.h"
#include "document.h"

namespace presslens {

// A token range [first, last).
struct Phrase {
  int first = -1, last = -1;
  bool empty() const { return last <= first; }
};

// The auxiliaries, negators, adverbs, "to" and time phrases before a verb: its verb group.
struct VerbGroup {
  int first = 0;  // the group's first token (the verb's when nothing precedes it)
  bool negated = false;     // "did not condemn", "never condemned"
  bool passive = false;     // "was condemned"
  bool infinitive = false;  // "to condemn"
  bool deontic = false;     // "must condemn"
  bool epistemic = false;   // "could condemn", "may condemn", "would condemn"
};

// The cue lexicon and the word lists the chunker reads.
struct ChunkerLexicon {
  ChunkerLexicon();
  CueLexicon lex;
  // data/condemnation-words.txt
  const WordHashSet *det, *pronoun, *stop, *complement, *adverb, *time, *speech, *naming,
      *refusal, *denial, *request, *light, *dismissal, *provoke, *provoke_agent, *control, *hypothetical,
      *negator;
  // data/en/function-words.txt
  const WordHashSet *aux, *passive_aux, *irregular_participle, *deontic, *weekday_determiner,
      *first_person, *deictic_time, *time_opener, *clause_conjunction, *approximator,
      *subject_lead, *subordinator, *epistemic_modal, *future_to, *negative_to,
      *verb_object_pronoun;
};

// A clitic respelled with ' (see the Chunker's constructor).
struct Respelled {
  int token;
  std::string_view word;  // in clitic_text
  uint64_t hash;          // Hash(kHashSeed, word)
};

// Token -> the index of the mention it is in, or -1, read from a ChunkIndex's per-token bytes
// (token_marks: bits kMentionShift and up) and per-block bases (mention_base). The mentions are in
// text order and do not overlap, so a block of kMentionBlock tokens meets at most that many of
// them: a token's byte holds its mention's index minus its block's base, plus one (0: none).
struct TokenMentions {
  static constexpr int kMentionShift = 2;
  static constexpr int kBlockBits = 5;
  static constexpr int kMentionBlock = 1 << kBlockBits;
  const uint8_t* marks;
  const int* base;
  int operator[](int i) const {
    const int d = marks[i] >> kMentionShift;
    return d != 0 ? base[i >> kBlockBits] + d - 1 : -1;
  }
};
static_assert(TokenMentions::kMentionBlock < (256 >> TokenMentions::kMentionShift),
              "a block's mention offsets fit a token's byte");

// Token -> 1 for a quote span's opening mark, 2 for its closing mark, else 0: the low bits of
// a ChunkIndex's per-token bytes.
struct OpenMarkAt {
  const uint8_t* marks;
  int operator[](int i) const { return marks[i] & ((1 << TokenMentions::kMentionShift) - 1); }
};

// The chunker's per-token index of one document: built once per document (Build), after the
// tokens, quote spans and mentions, and read by every Chunker over that document. Kept by the
// caller from one document to the next, so that a short article allocates nothing here.
struct ChunkIndex {
  // Fills doc's lower-case text and hashes first when a test built its tokens by hand.
  void Build(Document* doc);
  TokenMentions mention_at() const { return {token_marks.data(), mention_base.data()}; }
  OpenMarkAt open_mark() const { return {token_marks.data()}; }
  std::string clitic_text;           // clitics respelled with ' (see Build)
  std::vector<Respelled> respelled;  // by token
  // One byte per token: its mention (TokenMentions) and quote mark (OpenMarkAt), one byte where
  // an int and a byte would be (a long text has a token per ~5 bytes).
  std::vector<uint8_t> token_marks;
  std::vector<int> mention_base;     // per block of TokenMentions::kMentionBlock tokens
};

// Reads tokens, mentions and quote spans of one document through its index (both must outlive
// it, unchanged).
class Chunker {
 public:
  Chunker(const ChunkerLexicon& words, const Document& doc, const ChunkIndex& index)
      : words_(words),
        lex_(words.lex),
        doc_(doc),
        lower_text_(doc.lower_text.data()),
        folded_(doc.folded_hash.data()),
        mention_at_(index.mention_at()),
        open_mark_(index.open_mark()),
        respelled_(index.respelled) {}

  // ---- phrases
  // The noun phrase from token i, before `end`. stop_prep: space-separated prepositions that
  // end the phrase instead of opening a complement; depth_ok: a complement may be read.
  Phrase ForwardNP(int i, int end, const char* stop_prep, bool depth_ok = true) const;
  // The noun phrase ending at token j (inclusive), not before lo.
  Phrase BackwardNP(int j, int lo) const;
  // The subject ending at token j, not before lo: a noun phrase, a pronoun, the antecedent of
  // a relative pronoun at j, or the phrase before an appositive that j closes.
  Phrase SubjectBefore(int j, int lo) const;
  // The subject of the clause a non-finite word at `cue` hangs from: the noun phrase or
  // pronoun (not a first-person one) that opens its clause, or the subject after a fronted
  // participle phrase.
  Phrase ClauseSubject(int cue) const;
  // "Wang said Beijing and Moscow should oppose ...": the speaker of the reported clause whose
  // subject is `subject`, or empty.
  Phrase SpeakerOfReportedClause(Phrase subject) const;
  // The doer of the clause starting at token i, before hi: its subject, or in a passive clause
  // the by-agent (empty when the clause states none).
  Phrase ClauseAgent(int i, int hi) const;
  // The verb group that ends before the verb at token `verb`, within its sentence.
  VerbGroup VerbGroupBefore(int verb) const;

  // ---- token classes
  int N() const { return static_cast<int>(doc_.tokens.size()); }
  // Words, clitics and punctuation are read in lower case; numbers and quote marks are no word.
  static bool HasWord(const Token& t) {
    return t.kind == TokenKind::kWord || t.kind == TokenKind::kClitic ||
           t.kind == TokenKind::kPunct;
  }
  bool CurlyClitic(const Token& t) const { return CurlyClitic(t, lower_text_); }
  // A clitic spelled with a curly apostrophe ("’s", "n’t"): `lower` is the document's
  // lower_text.
  static bool CurlyClitic(const Token& t, const char* lower) {
    return t.kind == TokenKind::kClitic && t.end - t.start > 1 &&
           ((lower[t.start] & 0x80) || (lower[t.start + 1] & 0x80));
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
  bool Is(const WordHashSet* s, int i) const { return s->Has(H(i), L(i)); }
  bool Cap(int i) const { return doc_.tokens[i].upper_initial; }
  bool Punct(int i, const char* p) const { return Kind(i) == TokenKind::kPunct && L(i) == p; }
  // A dash: "--" (two tokens), " - ", an en or em dash, a quotation dash (horizontal bar).
  bool Dash(int i) const {
    if (Kind(i) != TokenKind::kPunct) return false;
    std::string_view p = L(i);
    if (p == "\xE2\x80\x93" || p == "\xE2\x80\x94" || p == "\xE2\x80\x95" || p == "--")
      return true;
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
  // Whether token i starts all the words of a cue: "called out", not "called" alone.
  bool IsCueForm(int i) const {
    const CueFormRefs* refs = Word(i) ? lex_.Find(H(i), L(i)) : nullptr;
    if (!refs) return false;
    for (const CueFormRef& r : *refs)
      if (CueLast(i, lex_.entry(r.entry), SentLast(i)) >= 0) return true;
    return false;
  }
  // The last token of cue entry e's words from token i (before hi), one adverb allowed
  // between them ("lashed out angrily at"); -1 when the words differ.
  int CueLast(int i, const CueEntry& e, int hi) const;
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
  // A cue form that is a noun ("attack", "protests").
  bool IsNounCue(int i) const {
    if (!Word(i)) return false;
    const CueFormRefs* refs = lex_.Find(H(i), L(i));
    if (!refs) return false;
    for (const CueFormRef& r : *refs)
      if (r.form == CueForm::kNoun || r.form == CueForm::kNounPlural) return true;
    return false;
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
    return Word(i) && (Is(words_.light, i) || Is(words_.provoke, i) ||
                       Is(words_.provoke_agent, i) || Is(words_.dismissal, i) ||
                       Is(words_.request, i));
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
    return Is(words_.adverb, i) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0 &&
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
    return !Is(words_.stop, i) && !Is(words_.det, i) && !Is(words_.pronoun, i) && !Adverb(i);
  }
  // "on Friday", "last week", "in 1993", "on Saturday": returns the index after it, or i.
  int SkipTime(int i, int end) const {
    if (i >= end) return i;
    if (Word(i) && Is(words_.deictic_time, i)) return i + 1;
    if (i + 1 < end && Word(i) &&
        Is(words_.time_opener, i)) {
      int j = i + 1;
      if (j < end && (L(j) == "the" || L(j) == "last")) ++j;
      if (j < end && (Is(words_.time, j) && (Cap(j) || L(j).find("day") != std::string::npos ||
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
  // The first token of the time phrase of two to four tokens that ends at token k ("on
  // Friday", "last week"), not before lo and read with SkipTime(s, end); k + 1 when none.
  int TimeBefore(int k, int lo, int end) const {
    // SkipTime's phrases end with a time word or a number.
    if (Kind(k) != TokenKind::kNumber && !Is(words_.time, k)) return k + 1;
    for (int s = std::max(lo, k - 3); s < k; ++s)
      if (SkipTime(s, end) == k + 1) return s;
    return k + 1;
  }
  // Skips adverbs and time expressions going forward.
  int SkipForward(int i, int end) const {
    for (int guard = 0; guard < 6 && i < end; ++guard) {
      int j = SkipTime(i, end);
      if (j == i && Adverb(i) && !Is(words_.det, i)) j = i + 1;
      if (j == i) break;
      i = j;
    }
    return i;
  }


 protected:
  const ChunkerLexicon& words_;
  const CueLexicon& lex_;
  const Document& doc_;
  const char* lower_text_;   // doc_.lower_text
  const uint64_t* folded_;   // doc_.folded_hash
  const TokenMentions mention_at_;  // token -> mention index, or -1
  const OpenMarkAt open_mark_;  // 1 opening mark, 2 closing mark of a quote

 private:
  const std::vector<Respelled>& respelled_;  // by token
};

}  // namespace presslens

#endif  // PRESSLENS_CHUNKER_H_
