#include "entities.h"

#include <algorithm>
#include <unordered_map>

#include "data.h"
#include "gazetteer.h"
#include "ner_model.h"
#include "offsets.h"

namespace presslens {
namespace {

// A mention before linking.
struct Candidate {
  int first = 0, last = 0;  // tokens [first, last)
  EntityType type = EntityType::kMisc;
  std::string_view rule;
  int known = -1;           // id in the built-in gazetteer, or -1
  int user = -1;            // id in the user's lexicon, or -1
  std::string_view title;   // PERSON: a title right before the name (a gazetteer title)
};

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber; }

// `w` equals the lower-case word `lower` up to ASCII case: Lower(w) == lower without building
// a string (the word checks below run on every candidate).
bool EqualsFolded(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Last words that make an unknown place a geographic feature (LOC) rather than a polity (GPE).
bool GeographicWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "river", "sea", "ocean", "mountains", "mountain", "mount", "lake", "valley", "island",
      "islands", "peninsula", "desert", "gulf", "bay", "strait", "straits", "canal", "coast",
      "basin", "plain", "plateau", "hills", "range", "channel", "delta", "forest", "region"};
  for (std::string_view k : kWords)
    if (EqualsFolded(w, k)) return true;
  return false;
}

// Words that make an unknown MISC name an event.
bool EventWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"war", "cup", "olympics", "games", "championship",
                                       "championships", "open", "prix", "tour", "summit",
                                       "festival", "revolution", "election", "elections"};
  for (std::string_view k : kWords)
    if (EqualsFolded(w, k)) return true;
  return false;
}

// The title to record: honorifics ("Mr.", "Ms") are kept out of the mention but are not
// titles.
std::string_view TitleOf(std::string_view t) {
  static const char* const kHonorifics[] = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss"};
  for (const char* h : kHonorifics)
    if (t == h) return {};
  return t;
}

// Has an ASCII lower-case letter (a name not written in capitals).
bool HasLower(std::string_view s) {
  for (char ch : s)
    if (ch >= 'a' && ch <= 'z') return true;
  return false;
}

}  // namespace

struct EntityFinder::Tables {
  const Gazetteer& gaz = Gazetteer::Get();
  NameTable user;  // the user's lexicon: always wins
  NerModel model;
};

EntityFinder::EntityFinder(const std::vector<LexiconEntry>& user_lexicon,
                           std::vector<std::string>* errors)
    : tables_(new Tables) {
  if (!tables_->model.Load(EmbeddedData("ner-model")))
    errors->push_back("entity model missing or malformed: only known names are found");
  for (const LexiconEntry& e : user_lexicon) {
    if (e.name.empty() || !ValidEntityType(e.type)) {
      errors->push_back("lexicon entry '" + e.name + "' ignored: type must be one of PERSON, "
                        "ORG, GPE, LOC, NORP, EVENT and name must not be empty");
      continue;
    }
    std::vector<std::string_view> aliases(e.aliases.begin(), e.aliases.end());
    tables_->user.Add({e.type, e.name, "", ""}, aliases);
  }
}

EntityFinder::~EntityFinder() = default;

void EntityFinder::Run(Document* doc) const {
  const Gazetteer& gaz = tables_->gaz;
  const auto& tokens = doc->tokens;
  const int n = static_cast<int>(tokens.size());

  // 1. The tagger's spans.
  NerFeatures feats;
  feats.Compute(*doc, gaz);
  NerState state;
  tables_->model.Tag(feats, &state);
  std::vector<Candidate> cands;
  // The title starting at token t (its end, or -1), given the tagger's folded hash of the
  // token: most words start no title and are answered without hashing them again.
  auto title_at = [&](int t, int* id) {
    const uint64_t folded = feats.folded(t);
    return gaz.titles.MayStartWith(folded) ? gaz.titles.Match(*doc, t, feats.exact(t), folded, id)
                                           : -1;
  };
  for (int i = 0; i < n; ++i) {
    int tag = state.tags[i];
    if (tag == 0 || TagInside(tag)) continue;
    int j = i + 1;
    while (j < n && TagInside(state.tags[j]) && TagClass(state.tags[j]) == TagClass(tag)) ++j;
    // Greedy tagging sometimes breaks one long name into touching spans of different
    // classes ("Aung San" PER + "Suu" ORG + "Kyi" PER): rejoin them; the last word, the
    // head of an English name, gives the class. A MISC first part is a modifier
    // ("Russian" + "Foreign Ministry") and stays apart.
    if (!cands.empty() && cands.back().last == i && cands.back().type != EntityType::kMisc &&
        TagClass(tag) != kMisc && tokens[i].space_before && !tokens[i].newline_before &&
        tokens[i].sentence == tokens[i - 1].sentence) {
      cands.back().last = j;
      cands.back().type = TagClass(tag) == kPer   ? EntityType::kPerson
                          : TagClass(tag) == kOrg ? EntityType::kOrg
                                                  : EntityType::kLoc;
      i = j - 1;
      continue;
    }
    Candidate c;
    c.first = i;
    c.last = j;
    c.rule = "model";
    c.type = TagClass(tag) == kPer   ? EntityType::kPerson
             : TagClass(tag) == kOrg ? EntityType::kOrg
             : TagClass(tag) == kLoc ? EntityType::kLoc
                                     : EntityType::kMisc;
    cands.push_back(c);
    i = j - 1;
  }

  // 2. Clean each span: no punctuation, quote marks or clitics at the edges (a period that
  // ends an abbreviation inside the name, "Corp.", stays); no title or article inside a
  // PERSON; the gazetteer decides GPE vs LOC and which MISC names are NORP or EVENT.
  std::vector<Candidate> kept;
  kept.reserve(cands.size());
  for (Candidate& c : cands) {
    while (c.first < c.last && !IsWord(tokens[c.first])) ++c.first;
    while (c.last > c.first && !IsWord(tokens[c.last - 1])) {
      const Token& t = tokens[c.last - 1];
      if (doc->TokenText(c.last - 1) == ")") {  // "Mladost (L)": a closing bracket that pairs
        int open = c.last - 2;
        while (open > c.first && doc->TokenText(open) != "(" && doc->TokenText(open) != ")") --open;
        if (open > c.first && doc->TokenText(open) == "(") break;
      }
      bool abbreviation_period = doc->TokenText(c.last - 1) == "." && !t.space_before &&
                                 c.last - 2 > c.first && tokens[c.last - 2].upper_initial &&
                                 tokens[c.last - 2].end - tokens[c.last - 2].start <= 4;
      if (abbreviation_period) break;
      --c.last;
    }
    if (c.first >= c.last) continue;
    if (c.type == EntityType::kPerson) {
      // A title that starts before the span and ends inside it ("Secretary of [State Antony
      // Blinken]"): the name starts after it.
      for (int b = std::max(0, c.first - 3); b < c.first; ++b) {
        int id = -1;
        int end = title_at(b, &id);
        if (end > c.first && end < c.last) {
          c.title = TitleOf(gaz.titles.known(id).name);
          c.first = end;
          break;
        }
      }
      while (c.last - c.first > 1) {
        int id = -1;
        int end = title_at(c.first, &id);
        if (end < 0 || end >= c.last) {
          std::string_view w = doc->TokenText(c.first);
          if (w == "the" || w == "The") {
            ++c.first;
            continue;
          }
          break;
        }
        c.title = TitleOf(gaz.titles.known(id).name);
        c.first = end;
        while (c.first < c.last && !IsWord(tokens[c.first])) ++c.first;
      }
      if (c.first >= c.last) continue;
    }
    c.known = gaz.names.Lookup(*doc, c.first, c.last, feats.exact(c.first), feats.folded(c.first));
    const KnownName* k = c.known >= 0 ? &gaz.names.known(c.known) : nullptr;
    const EntityType ktype = k ? gaz.names.type(c.known) : EntityType::kMisc;
    if (c.type == EntityType::kLoc) {
      if (k && (ktype == EntityType::kGpe || ktype == EntityType::kLoc || ktype == EntityType::kOrg))
        c.type = ktype;
      else c.type = GeographicWord(doc->TokenText(c.last - 1)) ||
                    GeographicWord(doc->TokenText(c.first)) ? EntityType::kLoc : EntityType::kGpe;
    } else if (c.type == EntityType::kMisc) {
      if (k && (ktype == EntityType::kNorp || ktype == EntityType::kEvent)) c.type = ktype;
      else if (EventWord(doc->TokenText(c.last - 1))) c.type = EntityType::kEvent;
      else continue;  // the schema has no MISC
    }
    // A country the tagger calls an organisation is still the country (the tagger learned
    // ORG from sports teams named after their cities and clubs).
    if (c.type == EntityType::kOrg && k && ktype == EntityType::kGpe && k->country == k->name)
      c.type = EntityType::kGpe;
    if (k && ktype != c.type && !(c.type == EntityType::kOrg && ktype == EntityType::kGpe))
      c.known = -1;
    kept.push_back(c);
  }

  // The user's names, which win over everything else.
  std::vector<Candidate> lexicon;
  if (!tables_->user.empty()) {
    for (int i = 0; i < n;) {
      int id = -1;
      int end = tables_->user.Match(*doc, i, &id);
      if (end < 0) {
        ++i;
        continue;
      }
      Candidate c;
      c.first = i;
      c.last = end;
      c.user = id;
      c.type = tables_->user.type(id);
      c.rule = "lexicon";
      lexicon.push_back(c);
      i = end;
    }
  }
  // One name, one type within a text: a single word that is part of a person's full name
  // elsewhere in the text ("Aung San Suu Kyi" ... "Kyi", "Wang Yi" ... "Wang") is that person,
  // whatever the tagger said about the word on its own.
  FlatMap person_words;  // folded word hashes (as the tagger's): no string per token
  for (const auto* list : {&kept, &lexicon})
    for (const Candidate& c : *list)
      if (c.type == EntityType::kPerson && c.last - c.first >= 2)
        for (int t = c.first; t < c.last; ++t)
          if (tokens[t].kind == TokenKind::kWord && tokens[t].upper_initial &&
              !tokens[t].all_caps && doc->TokenText(t).find('.') == std::string_view::npos)
            person_words.Insert(feats.folded(t), 0);  // names, not initials ("U.S.")
  if (person_words.size() > 0) {
    for (Candidate& c : kept)
      if (c.type != EntityType::kPerson && c.user < 0 && (c.last - c.first == 1 || c.known < 0)) {
        // A word, or an unknown name made only of the person's words ("Suu Kyi").
        bool all = true;
        for (int t = c.first; t < c.last && all; ++t)
          all = tokens[t].kind != TokenKind::kWord || person_words.Contains(feats.folded(t));
        if (all) {
          c.type = EntityType::kPerson;
          c.known = -1;
        }
      }
    // ... and so is such a word the tagger left untagged ("Quintanovska said"), unless it is
    // a given name (other people share it) or starts a longer capitalised name.
    std::vector<uint8_t> taken(n, 0);
    for (const auto* list : {&kept, &lexicon})
      for (const Candidate& c : *list)
        for (int t = c.first; t < c.last; ++t) taken[t] = 1;
    size_t before = kept.size();
    for (int i = 0; i < n; ++i) {
      const Token& t = tokens[i];
      if (taken[i] || t.kind != TokenKind::kWord || !t.upper_initial) continue;
      if (i + 1 < n && !taken[i + 1] && tokens[i + 1].upper_initial && tokens[i + 1].space_before &&
          !(t.all_caps && tokens[i + 1].all_caps))  // in an all-caps headline every word is
        continue;
      std::string_view w = doc->TokenText(i);
      if (w.size() < 3 || !person_words.Contains(feats.folded(i)) ||
          gaz.given.Contains(feats.exact(i)))
        continue;
      Candidate c;
      c.first = i;
      c.last = i + 1;
      c.type = EntityType::kPerson;
      c.rule = "alias";
      kept.push_back(c);
    }
    if (kept.size() > before)
      std::inplace_merge(kept.begin(), kept.begin() + static_cast<long>(before), kept.end(),
                         [](const Candidate& x, const Candidate& y) { return x.first < y.first; });
  }

  // 3. Known names the tagger left untagged: groups and events (NORP, EVENT), which the
  // tagger only learned as MISC, the hand-kept organisations and regions, and countries
  // (not cities: many are also common words or surnames); and the user's lexicon, which
  // overrides the tagger.
  std::vector<uint8_t> covered(n, 0);
  for (const Candidate& c : kept)
    for (int t = c.first; t < c.last; ++t) covered[t] = 1;
  std::vector<Candidate> extra;  // in text order, non-overlapping
  size_t u = 0;
  for (const auto& match : feats.gaz_matches()) {  // found once, for the tagger's features
    const int first = match.first, last = match.end;
    while (u < lexicon.size() && lexicon[u].last <= first) extra.push_back(lexicon[u++]);
    if (u < lexicon.size() && lexicon[u].first < last) continue;  // the user's name wins
    const KnownName& k = gaz.names.known(match.id);
    const EntityType ktype = gaz.names.type(match.id);
    bool free = true;
    for (int t = first; t < last; ++t) free = free && !covered[t];
    // Countries too: the tagger rarely misses one, but "US" and the like are rare in its
    // training text.
    bool country = ktype == EntityType::kGpe && k.country == k.name;
    if (free && (ktype != EntityType::kGpe || country) && tokens[first].upper_initial) {
      Candidate c;
      c.first = first;
      c.last = last;
      c.known = match.id;
      c.type = ktype;
      c.rule = "gazetteer";
      extra.push_back(c);
    }
  }
  while (u < lexicon.size()) extra.push_back(lexicon[u++]);
  if (!extra.empty()) {
    // Merge: lexicon matches replace overlapping tagger spans; gazetteer ones only fill gaps.
    std::vector<Candidate> merged;
    merged.reserve(kept.size() + extra.size());
    size_t a = 0, b = 0;
    while (a < kept.size() || b < extra.size()) {
      if (b == extra.size() || (a < kept.size() && kept[a].last <= extra[b].first)) {
        merged.push_back(kept[a++]);
      } else if (a == kept.size() || extra[b].last <= kept[a].first) {
        merged.push_back(extra[b++]);
      } else if (extra[b].rule == "lexicon") {
        while (a < kept.size() && kept[a].first < extra[b].last) ++a;  // overlapped: dropped
        merged.push_back(extra[b++]);
      } else {
        ++b;
      }
    }
    // A lexicon span may have overlapped a tagger span that was already taken.
    kept.clear();
    for (Candidate& c : merged) {
      if (!kept.empty() && c.first < kept.back().last) {
        if (c.rule == "lexicon") kept.back() = c;
        continue;
      }
      kept.push_back(std::move(c));
    }
  }

  // Titles written right before a name: "Chinese Foreign Minister Wang Yi".
  for (Candidate& c : kept) {
    if (c.type != EntityType::kPerson || !c.title.empty()) continue;
    for (int s = std::max(0, c.first - 4); s < c.first; ++s) {
      int id = -1;
      if (title_at(s, &id) == c.first) {
        c.title = TitleOf(gaz.titles.known(id).name);
        break;
      }
    }
  }

  // 4. Linking mentions into entities.
  auto& entities = doc->result.entities;
  std::vector<int> entity_of(kept.size(), -1);
  auto span_text = [&](const Candidate& c) {  // names are UTF-8: bad bytes read as U+FFFD
    std::string_view raw = doc->SpanText(tokens[c.first].start, tokens[c.last - 1].end);
    std::string out;
    out.reserve(raw.size());
    size_t valid = 0;  // start of the run of valid sequences not yet copied: one append per
                       // run, not per character (an append per character was the costliest
                       // part of linking in WebAssembly)
    for (size_t p = 0; p < raw.size();) {
      int len = static_cast<unsigned char>(raw[p]) < 0x80 ? 1 : Utf8SequenceLength(raw, p);
      if (len > 0) {
        p += static_cast<size_t>(len);
      } else {
        out.append(raw, valid, p - valid);
        out += "\xEF\xBF\xBD";
        valid = ++p;
      }
    }
    out.append(raw, valid, raw.size() - valid);
    return out;
  };
  auto all_caps = [&](const Candidate& c) {
    for (int t = c.first; t < c.last; ++t)
      if (tokens[t].kind == TokenKind::kWord && !tokens[t].all_caps) return false;
    return true;
  };
  auto word_count = [&](const Candidate& c) {
    int w = 0;
    for (int t = c.first; t < c.last; ++t) w += tokens[t].kind == TokenKind::kWord;
    return w;
  };
  auto new_entity = [&](const std::string& type, const std::string& name) {
    Entity e;
    e.type = type;
    e.name = name;
    entities.push_back(std::move(e));
    return static_cast<int>(entities.size()) - 1;
  };

  entities.reserve(entities.size() + kept.size());  // at most one per mention
  // Each mention's text and its folded form, built once: the linking below reads them
  // several times per mention.
  std::vector<std::string> text_of, folded_of;
  text_of.reserve(kept.size());
  folded_of.reserve(kept.size());
  for (const Candidate& c : kept) {
    text_of.push_back(span_text(c));
    // Only the other types' names are keyed by their folded text.
    folded_of.push_back(c.type == EntityType::kPerson ? std::string() : Lower(text_of.back()));
  }

  // Names are keyed by 64-bit hashes (FlatMap), not strings: no string is built or hashed a
  // second time per mention, which mattered most in WebAssembly, where malloc and libc++'s
  // string hashing cost more than natively. Hash(key) stands for the string key.
  auto key_of = [](std::string_view type, std::string_view text) {
    return Hash(Hash(Hash(kHashSeed, type), "\t"), text);
  };

  // Non-person names: one entity per canonical name (known names through the gazetteer, so
  // "U.S." and "United States" meet; others by their folded text, so headlines meet body
  // text); ORG acronyms meet the organisation whose initials they spell.
  FlatMap by_key;       // Hash(type \t name) -> entity
  FlatMap by_initials;  // Hash("nato") -> candidate
  FlatMap org_words;    // Hash(folded word) -> candidate of its ORG, or -1 when two ORGs share it
  // Sized up front: growing from 64 slots rehashed them several times on a long text.
  by_key.Reserve(kept.size());
  by_initials.Reserve(kept.size() / 4);
  org_words.Reserve(kept.size() / 2);
  for (size_t k = 0; k < kept.size(); ++k) {
    const Candidate& c = kept[k];
    if (c.type != EntityType::kOrg || word_count(c) < 2) continue;
    uint64_t initials = kHashSeed;
    int letters = 0;
    for (int t = c.first; t < c.last; ++t)
      if (tokens[t].kind == TokenKind::kWord && tokens[t].upper_initial) {
        initials = Hash(initials, doc->TokenText(t).substr(0, 1), true);
        ++letters;
      }
    if (letters >= 2) by_initials.Insert(initials, static_cast<int32_t>(k));
    // Each distinctive word of a longer unknown name, to meet its short form ("Toyota Motor
    // Corp" ... "Toyota", "Manchester United" ... "United"); a word two names share is no
    // one's.
    if (c.known >= 0 || c.user >= 0) continue;
    for (int t = c.first; t < c.last; ++t) {
      if (tokens[t].kind != TokenKind::kWord || !tokens[t].upper_initial) continue;
      const uint64_t w = feats.folded(t);
      if (gaz.title_words.Contains(w)) continue;
      const int32_t* other = org_words.Find(w);
      if (!other) org_words.Insert(w, static_cast<int32_t>(k));
      else if (*other >= 0 && folded_of[*other] != folded_of[k]) org_words.Insert(w, -1, true);
    }
  }
  for (size_t k = 0; k < kept.size(); ++k) {
    const Candidate& c = kept[k];
    if (c.type == EntityType::kPerson) continue;
    std::string canonical;
    uint64_t key;
    const KnownName* known = nullptr;
    if (c.user >= 0) known = &tables_->user.known(c.user);
    else if (c.known >= 0) known = &gaz.names.known(c.known);
    if (known) {
      canonical = known->name;
      key = key_of(EntityTypeName(c.type), canonical);
    } else {
      key = key_of(EntityTypeName(c.type), folded_of[k]);
      const uint64_t folded = Hash(kHashSeed, folded_of[k]);
      if (c.type == EntityType::kOrg && word_count(c) == 1 && all_caps(c)) {
        if (const int32_t* full = by_initials.Find(folded)) key = key_of("ORG", folded_of[*full]);
      }
      if (c.type == EntityType::kOrg && c.last - c.first == 1) {
        const int32_t* org = org_words.Find(folded);
        if (org && *org >= 0) key = key_of("ORG", folded_of[*org]);
      }
    }
    const int32_t* found = by_key.Find(key);
    int e;
    if (found) {
      e = *found;
    } else {
      e = new_entity(std::string(EntityTypeName(c.type)), canonical.empty() ? text_of[k] : canonical);
      by_key.Insert(key, e);
      if (known) {
        if (c.type == EntityType::kNorp) entities[e].country = known->country;
        entities[e].refers_to = known->refers_to;
      }
    }
    entity_of[k] = e;
    // Unknown names: the fullest, best-cased spelling is the canonical one.
    if (!known) {
      Entity& ent = entities[e];
      const std::string& text = text_of[k];
      bool ent_caps = !HasLower(ent.name);
      if ((ent_caps && !all_caps(c)) || text.size() > ent.name.size()) {
        if (!all_caps(c) || ent_caps) ent.name = text;
      }
    }
  }

  // Persons: a full name ("Vladimir Putin") makes an entity; a shorter mention ("Putin",
  // "Wang", "PUTIN") joins the entity whose name contains its words, preferring the one
  // mentioned last before it. Words are folded hashes, as the tagger's.
  struct PersonEntity {
    int entity;
    std::vector<uint64_t> words;  // folded
    int last_seen;
  };
  std::vector<PersonEntity> persons;
  auto words_of = [&](const Candidate& c, std::vector<uint64_t>* w) {
    w->clear();
    for (int t = c.first; t < c.last; ++t)
      if (tokens[t].kind == TokenKind::kWord) w->push_back(feats.folded(t));
  };
  auto contains_all = [](const std::vector<uint64_t>& big, const std::vector<uint64_t>& small) {
    for (uint64_t s : small)
      if (std::find(big.begin(), big.end(), s) == big.end()) return false;
    return !small.empty();
  };
  // The persons whose name has a word, in the order they got it: a linked list per word, all
  // in one array (a vector per word cost an allocation or two per name word).
  struct PersonLink {
    int person, next;
  };
  std::vector<PersonLink> links;
  std::vector<std::pair<int, int>> word_lists;  // first and last link of a word's list
  FlatMap word_list;                            // folded word -> index in word_lists
  word_list.Reserve(kept.size() / 2);
  auto first_person_link = [&](uint64_t word) {
    const int32_t* l = word_list.Find(word);
    return l ? word_lists[*l].first : -1;
  };
  auto add_person_word = [&](uint64_t word, int person) {
    bool inserted;
    const int32_t l = *word_list.FindOrInsert(word, static_cast<int32_t>(word_lists.size()),
                                              &inserted);
    if (inserted) word_lists.push_back({-1, -1});
    const int link = static_cast<int>(links.size());
    links.push_back({person, -1});
    if (word_lists[l].second >= 0) links[word_lists[l].second].next = link;
    else word_lists[l].first = link;
    word_lists[l].second = link;
  };
  std::unordered_map<int, int> user_person;  // user lexicon id -> persons
  // Full names first, in text order, so that a short mention before the full name still
  // finds it.
  std::vector<size_t> order, short_names;
  for (size_t k = 0; k < kept.size(); ++k)
    if (kept[k].type == EntityType::kPerson)
      (word_count(kept[k]) >= 2 ? order : short_names).push_back(k);
  order.insert(order.end(), short_names.begin(), short_names.end());
  std::vector<uint64_t> w;  // the folded words of the mention
  for (size_t k : order) {
    const Candidate& c = kept[k];
    words_of(c, &w);
    int best = -1, best_dist = 0;
    if (c.user >= 0) {  // the user's name: its canonical form, whatever alias matched
      const std::string name(tables_->user.known(c.user).name);
      auto it = user_person.find(c.user);
      if (it != user_person.end()) {
        best = it->second;
      } else {
        std::vector<uint64_t> nw;
        size_t p = 0;
        while (p < name.size()) {
          size_t q = std::min(name.find(' ', p), name.size());
          if (q > p) nw.push_back(Hash(kHashSeed, std::string_view(name).substr(p, q - p), true));
          p = q + 1;
        }
        persons.push_back({new_entity("PERSON", name), nw, c.first});
        best = static_cast<int>(persons.size()) - 1;
        user_person[c.user] = best;
        for (uint64_t x : nw) add_person_word(x, best);
      }
    } else if (!w.empty()) {
      for (int l = first_person_link(w.back()); l >= 0; l = links[l].next) {
        const int p = links[l].person;
        if (!contains_all(persons[p].words, w) && !contains_all(w, persons[p].words)) continue;
        int dist = std::abs(c.first - persons[p].last_seen);
        if (best < 0 || dist < best_dist) {
          best = p;
          best_dist = dist;
        }
      }
      if (best < 0 && w.size() == 1)
        for (int l = first_person_link(w[0]); l >= 0; l = links[l].next) {
          const int p = links[l].person;
          if (best < 0 || std::abs(c.first - persons[p].last_seen) < best_dist) {
            best = p;
            best_dist = std::abs(c.first - persons[p].last_seen);
          }
        }
    }
    if (best < 0) {
      std::string name = c.user >= 0 ? std::string(tables_->user.known(c.user).name) : text_of[k];
      persons.push_back({new_entity("PERSON", name), w, c.first});
      best = static_cast<int>(persons.size()) - 1;
      for (uint64_t x : w) add_person_word(x, best);
    }
    PersonEntity& p = persons[best];
    p.last_seen = c.first;
    Entity& ent = entities[p.entity];
    if (c.user < 0 && w.size() > p.words.size()) {  // a fuller form becomes the name
      for (uint64_t x : w)
        if (std::find(p.words.begin(), p.words.end(), x) == p.words.end())
          add_person_word(x, best);
      p.words = w;
      ent.name = text_of[k];
    } else if (c.user < 0 && w.size() == p.words.size() && !all_caps(c) &&
               !HasLower(ent.name)) {
      ent.name = text_of[k];
    }
    if (ent.title.empty()) ent.title = std::string(c.title);
    entity_of[k] = p.entity;
  }

  // 5. Mentions in text order; entities numbered by first mention.
  std::vector<int> renumber(entities.size(), -1);
  std::vector<Entity> ordered;
  ordered.reserve(entities.size());
  {  // each entity's mention list sized once
    std::vector<int> mentions_of(entities.size(), 0);
    for (size_t k = 0; k < kept.size(); ++k) ++mentions_of[entity_of[k]];
    for (size_t e = 0; e < entities.size(); ++e) entities[e].mentions.reserve(mentions_of[e]);
  }
  doc->mentions.reserve(doc->mentions.size() + kept.size());
  for (size_t k = 0; k < kept.size(); ++k) {
    const Candidate& c = kept[k];
    int& e = renumber[entity_of[k]];
    if (e < 0) {
      e = static_cast<int>(ordered.size());
      ordered.push_back(std::move(entities[entity_of[k]]));
    }
    doc->mentions.emplace_back();
    Mention& m = doc->mentions.back();
    m.first = c.first;
    m.last = c.last;
    m.start = tokens[c.first].start;
    m.end = tokens[c.last - 1].end;
    m.type = std::string(EntityTypeName(c.type));  // built in place (assigning a view is
    m.entity = e;                                    // a library call, not inlined)
    m.rule = std::string(c.rule);
    ordered[e].mentions.push_back({m.start, m.end});
  }
  entities = std::move(ordered);
}

}  // namespace presslens
