#include "condemnation_lexicon.h"

#include <string_view>

#include "data.h"

namespace presslens {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  ForEachWord(s, [&](std::string_view w) { out.emplace_back(w); });
  return out;
}

std::string_view FirstWord(std::string_view s) {
  std::string_view first;
  ForEachWord(s, [&](std::string_view w) {
    if (first.empty()) first = w;
  });
  return first;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "criticize" -> "criticise", "organization" -> "organisation"; empty when no -iz- spelling.
std::string BritishSpelling(std::string_view w) {
  size_t p = w.rfind("iz");
  if (p == std::string_view::npos || p + 2 >= w.size()) return "";
  std::string b(w);
  b[p + 1] = 's';
  return b;
}

std::string Join(std::string_view a, std::string_view b) {
  std::string s;
  s.reserve(a.size() + b.size());
  s.append(a);
  s.append(b);
  return s;
}

}  // namespace

std::array<std::string, 4> VerbForms(std::string_view v) {
  std::string third, past, gerund;
  char last = v.empty() ? '\0' : v.back();
  bool cons_y = v.size() > 1 && last == 'y' && !IsVowel(v[v.size() - 2]);
  if (cons_y) {
    std::string_view stem = v.substr(0, v.size() - 1);
    third = Join(stem, "ies");
    past = Join(stem, "ied");
  } else {
    third = (EndsWith(v, "s") || EndsWith(v, "x") || EndsWith(v, "z") || EndsWith(v, "ch") ||
             EndsWith(v, "sh") || EndsWith(v, "o"))
                ? Join(v, "es")
                : Join(v, "s");
    past = last == 'e' ? Join(v, "d") : Join(v, "ed");
  }
  if (EndsWith(v, "ie")) {
    gerund = Join(v.substr(0, v.size() - 2), "ying");
  } else if (last == 'e' && !EndsWith(v, "ee") && !EndsWith(v, "oe") && !EndsWith(v, "ye")) {
    gerund = Join(v.substr(0, v.size() - 1), "ing");
  } else {
    gerund = Join(v, "ing");
  }
  return {std::string(v), std::move(third), std::move(past), std::move(gerund)};
}

std::string NounPlural(std::string_view n) {
  if (n.size() > 1 && n.back() == 'y' && !IsVowel(n[n.size() - 2]))
    return Join(n.substr(0, n.size() - 1), "ies");
  if (EndsWith(n, "s") || EndsWith(n, "x") || EndsWith(n, "ch") || EndsWith(n, "sh"))
    return Join(n, "es");
  return Join(n, "s");
}

CueLexicon::CueLexicon() {
  // --- Cues: "POS LEMMA | TARGET FLAGS | IRREGULAR FORMS" under "[CAMEO name]" blocks.
  std::string cameo;
  std::vector<std::string_view> fields, head;
  ForEachDataLine("condemnation-cues", [&](std::string_view line) {
    if (line.front() == '[') {
      cameo = std::string(FirstWord(line.substr(1, line.find(']') - 1)));
      return;
    }
    fields.clear();
    while (true) {
      size_t bar = line.find('|');
      fields.push_back(line.substr(0, bar));
      if (bar == std::string_view::npos) break;
      line.remove_prefix(bar + 1);
    }
    head.clear();
    ForEachWord(fields[0], [&](std::string_view w) { head.push_back(w); });
    if (head.size() < 2 || (head[0] != "v" && head[0] != "n")) return;
    CueEntry e;
    e.cameo = cameo;
    e.noun = head[0] == "n";
    for (size_t i = 1; i < head.size(); ++i) {
      if (i > 1) e.lemma += ' ';
      e.lemma.append(head[i]);
      if (i > 1) e.rest.emplace_back(head[i]);
    }
    if (fields.size() > 1) {
      ForEachWord(fields[1], [&](std::string_view f) {
        if (f == "obj") e.obj = true;
        else if (f == "that") e.that = true;
        else if (f == "clause") e.that = e.clause = true;
        else if (f == "subj") e.subj = true;
        else if (f == "light") e.light = true;
        else if (f == "verbal") e.verbal = true;
        else if (f == "actor") e.actor = true;
        else if (f == "accuse") e.accuse = true;
        else if (f == "blame") e.blame = true;
        else if (f == "particle") {}  // documentation only: `rest` is always required
        else e.preps.emplace_back(f);
      });
    }
    int id = static_cast<int>(entries_.size());
    entries_.push_back(std::move(e));
    const bool noun = entries_.back().noun;
    auto add = [&](std::string_view form, CueForm kind) {
      if (form.empty()) return;
      auto& refs = Forms(form);
      for (const CueFormRef& r : refs)
        if (r.entry == id && r.form == kind) return;
      refs.push_back({id, kind});
    };
    const std::string_view first = head[1];
    auto add_spelling = [&](std::string_view sp) {
      if (noun) {
        add(sp, CueForm::kNoun);
        add(NounPlural(sp), CueForm::kNounPlural);
      } else {
        std::array<std::string, 4> vf = VerbForms(sp);
        add(vf[0], CueForm::kBase);
        add(vf[1], CueForm::kThird);
        add(vf[2], CueForm::kPast);
        add(vf[3], CueForm::kGerund);
      }
    };
    add_spelling(first);
    std::string british = BritishSpelling(first);
    if (!british.empty()) add_spelling(british);
    // Irregular forms: the kind follows from the ending.
    if (fields.size() > 2) {
      ForEachWord(fields[2], [&](std::string_view f) {
        CueForm kind = noun ? (EndsWith(f, "s") ? CueForm::kNounPlural : CueForm::kNoun)
                       : EndsWith(f, "ing")     ? CueForm::kGerund
                       : EndsWith(f, "s")       ? CueForm::kThird
                       : f == first             ? CueForm::kBase
                                                : CueForm::kPast;
        // "hit", "came": an irregular past; "hit" is also the base form.
        add(f, kind);
        if (!noun && kind == CueForm::kPast && f.size() <= first.size()) add(f, CueForm::kBase);
      });
    }
  });

  // --- Word lists: "[name]" blocks; verbs get their regular forms too.
  std::string_view block;
  Topic* topic = nullptr;
  WordHashSet* set = nullptr;
  bool verbs = false;
  ForEachDataLine("condemnation-words", [&](std::string_view line) {
    if (line.front() == '[') {
      block = line.substr(1, line.find(']') - 1);
      topic = nullptr;
      set = nullptr;
      if (!block.empty() && block[0] >= '0' && block[0] <= '9') {
        topics_.push_back({std::string(FirstWord(block)), {}, {}});
        topic = &topics_.back();
      }
      return;
    }
    if (topic) {
      ForEachWord(line, [&](std::string_view w) {
        if (w.find('_') == std::string_view::npos) {
          topic->words.Insert(w);
          return;
        }
        std::vector<std::string> phrase;
        size_t s = 0;
        while (s <= w.size()) {
          size_t u = w.find('_', s);
          if (u == std::string_view::npos) u = w.size();
          phrase.emplace_back(w.substr(s, u - s));
          s = u + 1;
        }
        topic->phrases.push_back(std::move(phrase));
      });
      return;
    }
    if (block == "collective") {
      collective_.push_back(Words(line));
      return;
    }
    if (!set) {
      verbs = block == "refusal" || block == "request" || block == "light" ||
              block == "dismissal" || block == "speech" || block == "naming" ||
              block == "provoke" || block == "provoke-with-agent" || block == "control";
      for (auto& [name, words] : lists_)
        if (name == block) set = &words;
      if (!set) set = &lists_.emplace_back(std::string(block), WordHashSet()).second;
    }
    ForEachWord(line, [&](std::string_view w) {
      if (verbs) {
        for (const std::string& f : VerbForms(w)) set->Insert(f);
        std::string british = BritishSpelling(w);
        if (!british.empty())
          for (const std::string& f : VerbForms(british)) set->Insert(f);
      } else {
        set->Insert(w);
      }
    });
  });
}

void WordHashSet::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot());
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.size < 0) continue;
    size_t i = Home(s.hash);
    while (slots_[i].size >= 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

void WordHashSet::Insert(std::string_view w) {
  const uint64_t h = Hash(kHashSeed, w);
  if (Has(h, w)) return;
  if (4 * (size_ + 1) > slots_.size()) Grow();
  size_t i = Home(h);
  while (slots_[i].size >= 0) i = (i + 1) & mask_;
  slots_[i] = Slot{h, static_cast<uint32_t>(bytes_.size()), static_cast<int32_t>(w.size())};
  bytes_.append(w);
  ++size_;
}

std::vector<CueFormRef>& CueLexicon::Forms(std::string_view form) {
  uint64_t h = Hash(kHashSeed, form);
  if (const int32_t* k = form_index_.Find(h)) return forms_[*k].second;
  const size_t bit = FilterBit(h);
  filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  form_index_.Insert(h, static_cast<int32_t>(forms_.size()));
  forms_.emplace_back(form, std::vector<CueFormRef>());
  return forms_.back().second;
}

const WordHashSet& CueLexicon::List(const char* list) const {
  static const WordHashSet kEmpty;
  for (const auto& [name, words] : lists_)
    if (name == list) return words;
  return kEmpty;
}

bool CueLexicon::In(const char* list, std::string_view w) const { return List(list).Has(w); }

}  // namespace presslens
