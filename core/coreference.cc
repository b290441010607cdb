#include "coreference.h"

#include <algorithm>
#include <string>
#include <vector>

#include "chunker.h"
#include "gazetteer.h"
#include "speech_cues.h"

namespace presslens {
namespace {

constexpr int kLookBack = 400;          // tokens scanned back for an antecedent
constexpr int kSpeakers = 6;            // the newest speakers kept for he/she
constexpr int kDescriptionEvents = 20;  // actors scanned back for "the <role>"
constexpr int kRecentSentences = 2;     // a speaker or subject this close is in focus
constexpr uint32_t kShortWord = 7;      // bytes of the longest determiner or pronoun
constexpr size_t kFilterWords = 16;     // Tables::short_filter: 1,024 bits
constexpr int kParenthesis = 10;        // tokens of a parenthesis after a speaker's name
constexpr size_t kActorWindow = 1024;   // actors out of reach dropped in batches of this many

enum Gender : uint8_t { kNoGender = 0, kMale = 1, kFemale = 2 };

}  // namespace

struct CoreferenceFinder::Tables {
  const ChunkerLexicon& words;
  const SpeechLexicon& speech;
  const WordHashSet &masculine, &feminine, &neuter, &plural, &group, &document, &author,
      &subject_opener;
  WordHashSet pronoun;  // the words of the five pronoun lists above
  // A bit per hash bucket, set for the determiners and pronouns: most words of a text are
  // neither, and one bit test tells.
  uint64_t short_filter[kFilterWords] = {};
  static size_t FilterBit(uint64_t h) { return (h >> 40) % (kFilterWords * 64); }
  bool MaybeShort(uint64_t h) const {
    const size_t bit = FilterBit(h);
    return (short_filter[bit >> 6] >> (bit & 63)) & 1;
  }
  const Gazetteer& gaz = Gazetteer::Get();  // the given names' genders

  Tables(const ChunkerLexicon& w, const SpeechLexicon& s)
      : words(w),
        speech(s),
        masculine(w.lex.List("masculine-pronoun")),
        feminine(w.lex.List("feminine-pronoun")),
        neuter(w.lex.List("neuter-pronoun")),
        plural(w.lex.List("plural-pronoun")),
        group(w.lex.List("group-pronoun")),
        document(w.lex.List("document-noun")),
        author(w.lex.List("author-preposition")),
        subject_opener(w.lex.List("subject-opener")) {
    for (const WordHashSet* list : {&masculine, &feminine, &neuter, &plural, &group})
      list->ForEach([this](std::string_view word) { pronoun.Insert(word); });
    for (const WordHashSet* list : {static_cast<const WordHashSet*>(&pronoun), w.det})
      list->ForEach([this](std::string_view word) {
        const size_t bit = FilterBit(Hash(kHashSeed, word));
        short_filter[bit >> 6] |= uint64_t{1} << (bit & 63);
      });
  }
  uint8_t GivenNameGender(std::string_view name) const {
    static_assert(Gazetteer::kGivenMale == kMale && Gazetteer::kGivenFemale == kFemale);
    return static_cast<uint8_t>(gaz.GivenNameGender(name));
  }
};

// An actor met in the text: an entity mention, a role description, or a pronoun or definite
// description standing for an earlier one (its antecedent's fields, its own span).
struct CorefActor {
  int first = -1, last = -1;            // the tokens of this occurrence
  int root_first = -1, root_last = -1;  // the named or described actor it stands for
  int entity = -1;
  int sentence = -1;
  bool person = false;                  // he/she may refer to it
  bool group = false;                   // an organisation or state: "it" may refer to it
  bool plural = false;                  // a nationality, a plural description, "A and B"
  bool subject = false;                 // not after a preposition
  bool speaker = false;                 // the subject of a speech verb
  bool description = false;             // "a police spokesman": an antecedent only once it speaks
  bool quoted = false;                  // inside a quote
  bool main = false;                    // the first subject of its sentence (outside quotes)
  uint8_t gender = kNoGender;
};

struct CoreferenceScratch {
  std::vector<CorefActor> actors;      // text order
  std::vector<uint8_t> entity_gender;  // by entity: its Gender, learnt in text order
};

namespace {

class Resolver : public Chunker {
 public:
  Resolver(const CoreferenceFinder::Tables& t, Document* doc, const ChunkIndex& chunks,
           CoreferenceScratch* s)
      : Chunker(t.words, *doc, chunks), t_(t), out_(*doc), s_(*s) {
    s_.actors.clear();
    s_.entity_gender.assign(doc->entities.size(), kNoGender);
  }
  void Run();

 private:
  // Drops the oldest actors that no question about token i or a later one can reach: each
  // ends more than kLookBack tokens before i and before the sentence of i begins (every scan
  // of the actors stops at, or skips, such an actor), so a long text keeps a window of actors,
  // not one per mention of the whole text.
  void DropOutOfReach(int i);
  bool Pronoun(int i, const WordHashSet& list) const { return Word(i) && Is(&list, i); }
  // A title or honorific before a name: "President", "Gov.", "Mrs".
  bool Title(int i) const {
    return Word(i) && Cap(i) &&
           t_.speech.IsExact(doc_.TokenText(i), kTitle | kMaleHonorific | kFemaleHonorific);
  }
  bool InQuote(int i) const;
  // Token i's entry in the speech lexicon (its word classes and cue), or nullptr; looked up
  // with the token's folded hash, so nothing is hashed again.
  const SpeechLexicon::Entry* Entry(int i) const {
    return Word(i) ? t_.speech.Find(H(i), L(i)) : nullptr;
  }
  // Token i's lower-case form is in one of `classes` (WordClass bits of speech_cues.h).
  bool InClass(int i, uint32_t classes) const {
    const SpeechLexicon::Entry* e = Entry(i);
    return e && (e->lower & classes);
  }
  // "officials", "police", "spokesmen": a plural role noun.
  bool PluralNoun(int i) const {
    const std::string_view w = L(i);
    return (w.size() > 3 && w.back() == 's' && w.compare(w.size() - 2, 2, "ss") != 0) ||
           InClass(i, kPluralNoun);
  }
  bool SpeechCue(int i) const {
    if (!Word(i)) return false;
    const SpeechLexicon::Entry* e = Entry(i);
    const CueInfo* cue = e ? t_.speech.cue(*e) : nullptr;
    return cue && !cue->participle;
  }
  bool SubjectPosition(int first) const;
  bool Subject(int first, int last) const;
  bool AfterSpeechCue(int first, int last) const;
  void MarkSpeaker(int cue);
  void AddNames(Phrase subject);
  bool Candidate(const CorefActor& a, int i) const {
    return i - a.last <= kLookBack && (!a.description || a.speaker);
  }
  uint8_t PersonGender(const Mention& m) const;
  uint8_t GenderOf(const CorefActor& a) const;
  void AddMention(const Mention& m);
  // i is a determiner (det) or a role noun.
  bool AddDescription(int i, bool det, int* next);
  CorefActor Description(int first, int head) const;
  void AddJoint();
  static CorefActor Joint(const CorefActor& a, const CorefActor& b);
  void AddPronoun(int i);
  bool AddDefinite(int first, int last);
  // *weak: the person is a guess after the first rules found none.
  const CorefActor* ResolvePerson(int i, uint8_t want, bool* weak) const;
  const CorefActor* ResolveGroup(int i) const;
  const CorefActor* ResolvePlural(int i) const;
  void Refer(int first, int last, const CorefActor* ante, uint8_t want);
  // Appends a, the first subject of its sentence outside quotes being its main subject.
  void Push(CorefActor a) {
    if (a.subject && !a.quoted) {
      a.main = true;
      for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && it->sentence == a.sentence; ++it)
        if (it->subject && !it->quoted) a.main = false;
    }
    s_.actors.push_back(a);
  }

  const CoreferenceFinder::Tables& t_;
  Document& out_;
  CoreferenceScratch& s_;
  mutable size_t quote_ = 0;  // InQuote's cursor over doc_.quote_spans
  int last_cue_ = -1;         // the newest speech verb outside quotes
  size_t drop_at_ = 2 * kActorWindow;  // DropOutOfReach runs when there are this many actors
};

void Resolver::DropOutOfReach(int i) {
  if (s_.actors.size() < drop_at_) return;
  const int sentence = doc_.tokens[i].sentence;
  if (sentence < 0) return;
  const int sentence_first = doc_.sentences[sentence].first;
  size_t k = 0;
  for (const CorefActor& a : s_.actors) {
    if (!(i - a.last > kLookBack && a.last + 1 < sentence_first && a.sentence < sentence)) break;
    ++k;
  }
  if (k >= kActorWindow) s_.actors.erase(s_.actors.begin(), s_.actors.begin() + k);
  drop_at_ = s_.actors.size() + kActorWindow;
}

bool Resolver::InQuote(int i) const {
  const std::vector<QuoteSpan>& q = doc_.quote_spans;
  size_t& k = quote_;
  while (k < q.size() &&
         (q[k].nested || (q[k].close_token >= 0 ? q[k].close_token : q[k].last) < i))
    ++k;
  return k < q.size() && q[k].open_token < i && i < q[k].last;
}

// Not the object of a preposition: "support for Russia" is not Russia acting.
bool Resolver::SubjectPosition(int first) const {
  // Back over determiners, titles and a modifier or two: "under President Obama", "for the
  // Ohio-based group".
  int b = first - 1;
  for (; b >= 0 && first - b <= 4; --b) {
    const Token& t = doc_.tokens[b];
    if (t.kind == TokenKind::kPunct && t.end - t.start == 1 && doc_.text[t.start] == '.' &&
        b > 0 && Title(b - 1))
      continue;
    if (t.kind != TokenKind::kWord) break;
    if (t.upper_initial) {
      if (!Title(b)) break;
      continue;
    }
    if (Is(words_.det, b)) continue;
    // The word that decides: a stop word, or a modifier (not a pronoun or adverb).
    if (first - b >= 3 || Is(words_.stop, b) || Is(words_.pronoun, b) || Adverb(b)) break;
  }
  if (b < 0 || !Word(b) || !Is(words_.stop, b) || Is(words_.hypothetical, b)) return true;
  return Is(&t_.subject_opener, b);
}

// Not a subject: after a preposition, or a possessive ("Obama's decision").
bool Resolver::Subject(int first, int last) const {
  return !(last < N() && Possessive(last)) && SubjectPosition(first);
}

// Inverted after a quote, a comma or at the sentence start: "..., said Lavrov", "according to
// Lavrov" (not "said Lavrov was ...": a reported clause's subject).
bool Resolver::AfterSpeechCue(int first, int last) const {
  const int lo = SentFirst(first);
  int p = first - 1;
  while (p > lo && ((Punct(p, ".") && Title(p - 1)) || Title(p)))
    --p;  // "said Mrs. Smith", "said Foreign Minister Wang Yi"
  if (p < lo || InQuote(p)) return false;
  if (Word(p) && L(p) == "to" && p > lo && L(p - 1) == "according") return true;
  // "said the tourist, Khaled Hijazi": the name of a description that speaks.
  if (Punct(p, ",") && !s_.actors.empty() && s_.actors.back().last == p &&
      s_.actors.back().description && s_.actors.back().speaker)
    return true;
  if (!SpeechCue(p)) return false;
  if (p == lo || Kind(p - 1) == TokenKind::kQuote) return true;
  // After a plain comma the name ends the clause: "..., said the minister."
  return Punct(p - 1, ",") && (last >= SentLast(first) || Punct(last, ".") || Punct(last, ";") ||
                               Punct(last, ":") || Punct(last, "!") || Punct(last, "?"));
}

// The speech verb at `cue` makes the actors that end in its subject speakers: "Lavrov said",
// "Lavrov and Wang said", "Jordan, whose film ..., said".
PRESSLENS_OUT_OF_LINE void Resolver::MarkSpeaker(int cue) {
  const int lo = SentFirst(cue);
  int j = VerbGroupBefore(cue).first - 1;
  while (j >= lo && Adverb(j)) --j;
  if (j > lo && Punct(j, ")")) {  // "Sen. David Perdue (R-Ga.) said"
    int k = j - 1;
    while (k > lo && j - k < kParenthesis && !Punct(k, "(")) --k;
    if (Punct(k, "(")) j = k - 1;
  }
  Phrase subject = SubjectBefore(j, lo);
  // "Jean-Marc Ayrault, the foreign minister of France, said": the name the appositions follow.
  if (!subject.empty() && subject.first - 2 >= lo && Punct(subject.first - 1, ",") &&
      !Cap(subject.last - 1) && InClass(subject.last - 1, kRole)) {
    const Phrase name = BackwardNP(subject.first - 2, lo);
    if (!name.empty() && Cap(name.last - 1) && !Is(words_.time, name.last - 1) &&
        (mention_at_[name.last - 1] >= 0 || name.last - name.first >= 2) &&
        (name.first == lo || !Content(name.first - 1)))
      subject = name;
  }
  // The head part: "Faik Nerweyi of the KDP" speaks, not the KDP; but a document speaks for
  // its author ("a letter from Marwan Jilani"), and a title's complement is no such part
  // ("Secretary of State John F. Kerry said").
  bool titles = true;  // the words before k are all titles
  for (int k = subject.first + 1; k < subject.last; ++k) {
    if (Punct(k, ",") || (Word(k) && !Cap(k) && InnerPrep(k))) {
      if (Word(k - 1) && Is(&t_.document, k - 1) && Is(&t_.author, k))
        subject.first = k + 1;
      else if (!titles || Punct(k, ","))
        subject.last = k;
      break;
    }
    titles = titles && Title(k - 1);
  }
  if (subject.empty()) return;
  // "Jean-Marc Ayrault, the foreign minister of France, ... said": the named actor the
  // description is in apposition to speaks.
  if (subject.first > lo && Punct(subject.first - 1, ",") && !Cap(subject.last - 1) &&
      InClass(subject.last - 1, kRole)) {
    for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && it->last >= subject.first - 1;
         ++it)
      if (it->last == subject.first - 1 && it->entity >= 0) {
        it->speaker = it->subject = true;
        return;
      }
  }
  AddNames(subject);
  // The widest actor that ends the head: "Lavrov and Wang" rather than "Wang".
  CorefActor* head = nullptr;
  for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && it->last > subject.first; ++it)
    if (it->last <= subject.last &&
        (!head || it->last > head->last || (it->last == head->last && it->first < head->first)))
      head = &*it;
  if (head) head->speaker = head->subject = true;
}

// A speaker's name the entity pass missed: each capitalised run of the subject phrase that is
// no mention, and "A and B" with one such name as a joint actor.
void Resolver::AddNames(Phrase subject) {
  if (InQuote(subject.first)) return;
  auto name_word = [&](int k) {
    return Word(k) && Cap(k) && mention_at_[k] < 0 && !Is(words_.det, k) && !Is(words_.stop, k) &&
           !Is(words_.pronoun, k) && !InClass(k, kRole) && !Title(k) && !doc_.tokens[k].all_caps;
  };
  const int head = subject.last - 1;
  if (Word(head) && !Cap(head) && InClass(head, kRole)) {
    // "a Washington-based spokeswoman said": a description AddDescription did not read.
    if (s_.actors.empty() || s_.actors.back().last != subject.last) {
      CorefActor a = Description(subject.first, head);
      s_.actors.insert(
          std::upper_bound(s_.actors.begin(), s_.actors.end(), a.first,
                           [](int first, const CorefActor& b) { return first < b.first; }),
          a);
    }
    return;
  }
  if (!name_word(head) && mention_at_[head] < 0) return;
  std::vector<CorefActor> added;
  CorefActor previous;
  bool joinable = false;  // `previous` ends right before this "and"
  for (int k = subject.first; k < subject.last;) {
    CorefActor part;
    bool known = false, found = false;
    if (mention_at_[k] >= 0) {
      const Mention& mm = doc_.mentions[mention_at_[k]];
      k = std::max(k + 1, mm.last);
      for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && it->last > mm.first; ++it)
        if (it->first == mm.first && it->last == mm.last) {
          part = *it;
          known = found = true;
          break;
        }
    } else if (name_word(k)) {
      part.first = part.root_first = k;
      while (k < subject.last && name_word(k)) ++k;
      part.last = part.root_last = k;
      part.sentence = doc_.tokens[part.first].sentence;
      part.person = part.subject = true;
      added.push_back(part);
      found = true;
    } else {
      joinable = joinable && L(k) == "and" && previous.last == k;
      ++k;
      continue;
    }
    if (found && joinable && previous.last + 1 == part.first && !(known && previous.entity >= 0) &&
        !previous.plural && !part.plural) {
      added.push_back(Joint(previous, part));
    }
    previous = part;
    joinable = found;
  }
  for (const CorefActor& a : added)
    s_.actors.insert(
        std::upper_bound(s_.actors.begin(), s_.actors.end(), a.first,
                         [](int first, const CorefActor& b) { return first < b.first; }),
        a);
}

// A person's gender from the mention: Mr/Mrs before it, or a given name of one gender first in
// the entity's name.
uint8_t Resolver::PersonGender(const Mention& m) const {
  for (int k = std::max(0, m.first - 2); k <= m.first; ++k) {
    if (!Cap(k)) continue;
    const SpeechLexicon::Entry* e = t_.speech.Find(Hash(kHashSeed, doc_.TokenText(k)),
                                                   doc_.TokenText(k));
    if (e && (e->exact & kMaleHonorific)) return kMale;
    if (e && (e->exact & kFemaleHonorific)) return kFemale;
  }
  // The entity's fullest name: "Clinton" is "Hillary Clinton" when the text names her so.
  const std::string_view name = doc_.entities[m.entity].name;
  return t_.GivenNameGender(name.substr(0, name.find(' ')));
}

uint8_t Resolver::GenderOf(const CorefActor& a) const {
  if (a.entity >= 0) {
    if (s_.entity_gender[a.entity]) return s_.entity_gender[a.entity];
  }
  return a.gender;
}

PRESSLENS_OUT_OF_LINE void Resolver::AddMention(const Mention& m) {
  if (m.entity < 0 || m.type == EntityType::kLoc || m.type == EntityType::kEvent) return;
  CorefActor a;
  a.first = a.root_first = m.first;
  a.last = a.root_last = m.last;
  a.entity = m.entity;
  a.sentence = doc_.tokens[m.first].sentence;
  a.person = m.type == EntityType::kPerson;
  a.group = m.type == EntityType::kOrg || m.type == EntityType::kGpe;
  a.plural = m.type == EntityType::kNorp;
  a.subject = Subject(m.first, m.last);
  a.speaker = AfterSpeechCue(m.first, m.last);
  a.quoted = InQuote(m.first);
  if (a.person) {
    a.gender = PersonGender(m);
    if (a.gender && !s_.entity_gender[m.entity]) s_.entity_gender[m.entity] = a.gender;
  }
  Push(a);
  AddJoint();
}

// "Lavrov and Wang": the two actors just met, joined by "and", are also one plural actor.
void Resolver::AddJoint() {
  const size_t n = s_.actors.size();
  if (n < 2) return;
  const CorefActor& b = s_.actors[n - 1];
  const CorefActor& a = s_.actors[n - 2];
  if (a.last + 1 != b.first || L(a.last) != "and" || a.entity < 0 || b.entity < 0 ||
      a.entity == b.entity || a.plural || b.plural || a.person != b.person)
    return;
  s_.actors.push_back(Joint(a, b));
}

// "A and B" as one plural actor.
CorefActor Resolver::Joint(const CorefActor& a, const CorefActor& b) {
  CorefActor joint = a;
  joint.last = joint.root_last = b.last;
  joint.entity = -1;
  joint.person = joint.group = false;
  joint.plural = true;
  joint.gender = kNoGender;
  return joint;
}

// A role description: "a police spokesman", "officials"; it is an
// antecedent once it speaks (MarkSpeaker). "the minister" resolves to an earlier actor
// (AddDefinite). Sets *next past it.
PRESSLENS_OUT_OF_LINE bool Resolver::AddDescription(int i, bool det, int* next) {
  if (Cap(i) && i != SentFirst(i)) return false;
  const int hi = std::min(N(), SentLast(i));
  // The last role noun of the words that follow (cheap to ask), then whether the words up to it
  // are all part of a noun phrase.
  int head = -1;
  for (int k = det ? i + 1 : i; k < hi && k < i + 5; ++k) {
    if (!Word(k) || mention_at_[k] >= 0 || (Cap(k) && k != SentFirst(k))) break;
    if (InClass(k, kRole)) head = k;
  }
  if (head < 0 || (head + 1 < hi && Word(head + 1) && InClass(head + 1, kRole))) return false;
  for (int k = det ? i + 1 : i; k <= head; ++k)
    if (!Content(k)) return false;
  if (!det && !PluralNoun(head)) return false;
  *next = head + 1;
  if (det && L(i) == "the" && head == i + 1 && !PluralNoun(head) && AddDefinite(i, head + 1))
    return true;
  // "Jean-Marc Ayrault, the foreign minister of France, said": the name's apposition.
  if (i > 0 && Punct(i - 1, ",") && !s_.actors.empty() && s_.actors.back().last == i - 1 &&
      s_.actors.back().entity >= 0)
    return true;
  Push(Description(i, head));
  return true;
}

// The description of tokens [first, head], head its role noun.
CorefActor Resolver::Description(int first, int head) const {
  CorefActor a;
  a.first = a.root_first = first;
  a.last = a.root_last = head + 1;
  a.sentence = doc_.tokens[first].sentence;
  a.description = true;
  a.plural = PluralNoun(head);
  a.person = InClass(head, kHuman) && !a.plural;
  a.group = !a.person && !a.plural;
  a.subject = Subject(first, head + 1);
  a.speaker = AfterSpeechCue(first, head + 1);
  a.quoted = InQuote(first);
  a.gender = InClass(head, kFeminine)    ? uint8_t{kFemale}
             : InClass(head, kMasculine) ? uint8_t{kMale}
                                         : uint8_t{kNoGender};
  return a;
}

// "the minister" after "Foreign Minister Wang Yi", "the ministry" after "the Foreign Ministry":
// the newest actor whose name or title has the head word.
bool Resolver::AddDefinite(int first, int last) {
  const std::string_view head = L(last - 1);
  int seen = 0;
  for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && seen < kDescriptionEvents;
       ++it, ++seen) {
    if (it->entity < 0 || first - it->last > kLookBack) continue;
    const Entity& e = doc_.entities[it->entity];
    std::string name = Lower(e.name);
    if (!e.title.empty()) name += " " + Lower(e.title);
    bool match = false;
    for (size_t p = name.find(head); p != std::string::npos && !match; p = name.find(head, p + 1))
      match = (p == 0 || name[p - 1] == ' ' || name[p - 1] == '-') &&
              (p + head.size() == name.size() || name[p + head.size()] == ' ');
    if (!match || name == head) continue;
    Refer(first, last, &*it, kNoGender);
    return true;
  }
  return false;
}

// he, she, in this order: the person subject earlier in the sentence after its last speech
// verb; a speaker of the last two sentences; the main subject of the last sentence that has
// one; the nearest person known to be a he or she; an older speaker; a named organisation or
// place that spoke (a person the entity pass typed otherwise) unless a person subject was
// named after it in a later sentence; the newest person subject; the nearest person. Outside
// quotes, the words of a quote are no subject.
const CorefActor* Resolver::ResolvePerson(int i, uint8_t want, bool* weak) const {
  const int sentence = doc_.tokens[i].sentence;
  const bool quoted = InQuote(i);
  auto fits = [&](const CorefActor& a) {
    if (!a.person) return false;
    const uint8_t g = GenderOf(a);
    return want == kNoGender || g == kNoGender || g == want;
  };
  const CorefActor *speaker = nullptr, *subject = nullptr, *nearest = nullptr,
                   *named_group = nullptr, *main = nullptr, *known = nullptr;
  int speakers = 0;
  for (auto it = s_.actors.rbegin(); it != s_.actors.rend(); ++it) {
    const CorefActor& a = *it;
    if (i - a.last > kLookBack) break;
    if (!Candidate(a, i)) continue;
    if (a.group && a.speaker && !a.description && a.entity >= 0 && !named_group) named_group = &a;
    if (!fits(a)) continue;
    const bool said = a.subject && (quoted || !a.quoted);
    if (a.sentence == sentence && said && a.first < i && a.first > last_cue_) return &a;
    if (a.speaker && !speaker && speakers < kSpeakers) speaker = &a;
    speakers += a.speaker;
    if (said && !subject) subject = &a;
    if (said && a.main && !main) main = &a;
    if (want && !known && GenderOf(a) == want && (quoted || !a.quoted)) known = &a;
    if (!nearest) nearest = &a;
  }
  // A speaker of the last two sentences; else the main subject of the last sentence that has
  // one ("In September, Trump did the same thing. Back then, he ..."); else the nearest person
  // known to be a he or she; else an older speaker.
  if (speaker && sentence - speaker->sentence <= kRecentSentences) return speaker;
  if (main && sentence - main->sentence <= kRecentSentences) return main;
  if (known) return known;
  *weak = true;  // a guess: it fixes no gender
  if (speaker) return speaker;
  if (named_group && !(subject && subject->first > named_group->first &&
                       subject->sentence != named_group->sentence))
    return named_group;
  return subject ? subject : nearest;
}

// it: the subject of a speech verb ("it added") is an organisation or state that spoke in the
// last two sentences ("It said ... "Q," it added": not a name in between, "an SPLA
// administrator"); else the nearest organisation or state subject, else the nearest one.
const CorefActor* Resolver::ResolveGroup(int i) const {
  if (i + 1 < static_cast<int>(doc_.tokens.size()) && SpeechCue(i + 1)) {
    // After a quote ("..., "Q1. Q2," it added"), counted from the quote's first sentence.
    int from = i - 1;
    while (from >= 0 && i - from < kLookBack &&
           (InQuote(from) || Kind(from) == TokenKind::kQuote || Punct(from, ",")))
      --from;
    const int sentence = doc_.tokens[from + 1].sentence;
    for (auto it = s_.actors.rbegin(); it != s_.actors.rend(); ++it) {
      if (i - it->last > kLookBack || sentence - it->sentence > kRecentSentences) break;
      if (it->group && it->speaker && Candidate(*it, i)) return &*it;
    }
  }
  const CorefActor* nearest = nullptr;
  for (auto it = s_.actors.rbegin(); it != s_.actors.rend(); ++it) {
    if (i - it->last > kLookBack) break;
    if (!it->group || !Candidate(*it, i)) continue;
    if (it->subject) return &*it;
    if (!nearest) nearest = &*it;
  }
  return nearest;
}

// they: the subject of the speech verb the pronoun follows ("The Socialists said they"); the
// newest group speaking or in subject position; the nearest organisation or state subject;
// the nearest actor.
const CorefActor* Resolver::ResolvePlural(int i) const {
  const int lo = SentFirst(i);
  int k = i - 1;
  if (k >= lo && L(k) == "that") --k;
  while (k >= lo && Adverb(k)) --k;
  if (k >= lo + 1 && SkipTime(k, i) == i && k - 2 >= lo) k -= 2;  // "said on Friday they"
  if (k > lo && SpeechCue(k)) {
    for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && it->first >= lo; ++it)
      if (it->last <= k && it->subject && Candidate(*it, i)) return &*it;
  }
  const CorefActor *group = nullptr, *nearest = nullptr;
  for (auto it = s_.actors.rbegin(); it != s_.actors.rend(); ++it) {
    if (i - it->last > kLookBack) break;
    if (!Candidate(*it, i)) continue;
    if (it->plural && (it->subject || it->speaker)) return &*it;
    if (it->group && it->subject && !group) group = &*it;
    if (!nearest) nearest = &*it;
  }
  return group ? group : nearest;
}

void Resolver::Refer(int first, int last, const CorefActor* ante, uint8_t want) {
  Reference r;
  r.first = first;
  r.last = last;
  if (ante) {
    r.antecedent_first = ante->root_first;
    r.antecedent_last = ante->root_last;
    r.entity = ante->entity;
  }
  out_.references.push_back(r);
  if (!ante) return;
  CorefActor a = *ante;
  a.description = false;
  a.first = first;
  a.last = last;
  a.sentence = doc_.tokens[first].sentence;
  a.subject = Subject(first, last);
  a.speaker = AfterSpeechCue(first, last);
  a.quoted = InQuote(first);
  if (want && !GenderOf(a)) {  // "she" said it: a later "he" is somebody else
    a.gender = want;
    if (a.entity >= 0) {
      s_.entity_gender[a.entity] = want;
    } else {
      for (auto it = s_.actors.rbegin(); it != s_.actors.rend() && first - it->last <= kLookBack;
           ++it)
        if (it->root_first == a.root_first) it->gender = want;
    }
  }
  Push(a);
}

PRESSLENS_OUT_OF_LINE void Resolver::AddPronoun(int i) {
  if (!Is(&t_.pronoun, i)) return;
  uint8_t want = kNoGender;
  const CorefActor* ante = nullptr;
  if (Pronoun(i, t_.masculine) || Pronoun(i, t_.feminine)) {
    want = Pronoun(i, t_.masculine) ? kMale : kFemale;
    bool weak = false;
    ante = ResolvePerson(i, want, &weak);
    if (weak) {
      Refer(i, i + 1, ante, kNoGender);
      return;
    }
  } else if (Pronoun(i, t_.neuter)) {
    ante = ResolveGroup(i);
  } else if (Pronoun(i, t_.plural)) {
    if (Is(words_.first_person, i) && InQuote(i)) return;  // the quote's speaker
    ante = ResolvePlural(i);
  } else if (Pronoun(i, t_.group) && !(i > 0 && Word(i - 1) && Is(words_.det, i - 1))) {
    ante = ResolvePlural(i);
  } else {
    return;
  }
  Refer(i, i + 1, ante, want);
}

void Resolver::Run() {
  const int n = N();
  const std::vector<Token>& tokens = doc_.tokens;
  for (int i = 0; i < n;) {
    DropOutOfReach(i);
    const int m = mention_at_[i];
    if (m >= 0) {
      const Mention& mm = doc_.mentions[m];
      AddMention(mm);
      i = std::max(i + 1, mm.last);
      continue;
    }
    const Token& t = tokens[i];
    // A capitalised word inside a sentence is part of a name: no role, cue or pronoun.
    if (t.kind != TokenKind::kWord || (t.upper_initial && i != SentFirst(i))) {
      ++i;
      continue;
    }
    // One lookup in the speech lexicon (role noun, cue); determiners and pronouns are short.
    const uint64_t h = folded_[i];
    const std::string_view w(lower_text_ + t.start, t.end - t.start);
    const bool short_word = t.end - t.start <= kShortWord && t_.MaybeShort(h);
    const bool det = short_word && words_.det->Has(h, w);
    // Determiners and pronouns are no role noun or cue.
    const SpeechLexicon::Entry* e =
        det || (short_word && t_.pronoun.Has(h, w)) ? nullptr : t_.speech.Find(h, w);
    int next = i + 1;
    if (!((det || (e && (e->lower & kRole))) && AddDescription(i, det, &next)) && short_word)
      AddPronoun(i);
    for (int k = i; k < next; ++k) {
      const SpeechLexicon::Entry* c = k == i ? e : Entry(k);
      const CueInfo* cue = c ? t_.speech.cue(*c) : nullptr;
      if (cue && !cue->participle && !InQuote(k) && !(Cap(k) && k != SentFirst(k))) {
        MarkSpeaker(k);
        last_cue_ = k;
      }
    }
    i = next;
  }
}

}  // namespace

CoreferenceFinder::CoreferenceFinder(const ChunkerLexicon& words, const SpeechLexicon& speech)
    : tables_(new Tables(words, speech)) {}
CoreferenceFinder::~CoreferenceFinder() = default;

std::shared_ptr<CoreferenceScratch> CoreferenceFinder::NewScratch() {
  return std::make_shared<CoreferenceScratch>();
}

int CoreferenceFinder::GivenNameGender(std::string_view name) const {
  return tables_->GivenNameGender(name);
}

void CoreferenceFinder::Run(Document* doc, const ChunkIndex& chunks,
                            CoreferenceScratch* scratch) const {
  doc->references.clear();
  Resolver(*tables_, doc, chunks, scratch).Run();
}

}  // namespace presslens
