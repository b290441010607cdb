#include "condemnation_lexicon.h"

#include <string_view>

#include "data.h"

namespace presslens {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(),
                                                suffix.data(), suffix.size()) == 0;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "criticize" -> "criticise", "organization" -> "organisation"; empty when no -iz- spelling.
std::string BritishSpelling(const std::string& w) {
  size_t p = w.rfind("iz");
  if (p == std::string::npos || p + 2 >= w.size()) return "";
  std::string b = w;
  b[p + 1] = 's';
  return b;
}

}  // namespace

std::vector<std::string> VerbForms(const std::string& v) {
  std::string third, past, gerund;
  char last = v.empty() ? '\0' : v.back();
  bool cons_y = v.size() > 1 && last == 'y' && !IsVowel(v[v.size() - 2]);
  if (cons_y) {
    std::string stem = v.substr(0, v.size() - 1);
    third = stem + "ies";
    past = stem + "ied";
  } else {
    third = (EndsWith(v, "s") || EndsWith(v, "x") || EndsWith(v, "z") || EndsWith(v, "ch") ||
             EndsWith(v, "sh") || EndsWith(v, "o"))
                ? v + "es"
                : v + "s";
    past = last == 'e' ? v + "d" : v + "ed";
  }
  if (EndsWith(v, "ie")) {
    gerund = v.substr(0, v.size() - 2) + "ying";
  } else if (last == 'e' && !EndsWith(v, "ee") && !EndsWith(v, "oe") && !EndsWith(v, "ye")) {
    gerund = v.substr(0, v.size() - 1) + "ing";
  } else {
    gerund = v + "ing";
  }
  return {v, third, past, gerund};
}

std::string NounPlural(const std::string& n) {
  if (n.size() > 1 && n.back() == 'y' && !IsVowel(n[n.size() - 2]))
    return n.substr(0, n.size() - 1) + "ies";
  if (EndsWith(n, "s") || EndsWith(n, "x") || EndsWith(n, "ch") || EndsWith(n, "sh"))
    return n + "es";
  return n + "s";
}

CueLexicon::CueLexicon() {
  // --- Cues: "POS LEMMA | TARGET FLAGS | IRREGULAR FORMS" under "[CAMEO name]" blocks.
  std::string cameo;
  for (std::string_view line : DataLines("condemnation-cues")) {
    if (line.front() == '[') {
      std::vector<std::string> w = Words(line.substr(1, line.find(']') - 1));
      cameo = w.empty() ? "" : w[0];
      continue;
    }
    std::vector<std::string_view> fields;
    while (true) {
      size_t bar = line.find('|');
      fields.push_back(line.substr(0, bar));
      if (bar == std::string_view::npos) break;
      line.remove_prefix(bar + 1);
    }
    std::vector<std::string> head = Words(fields[0]);
    if (head.size() < 2 || (head[0] != "v" && head[0] != "n")) continue;
    CueEntry e;
    e.cameo = cameo;
    e.noun = head[0] == "n";
    for (size_t i = 1; i < head.size(); ++i) {
      if (i > 1) e.lemma += ' ';
      e.lemma += head[i];
      if (i > 1) e.rest.push_back(head[i]);
    }
    if (fields.size() > 1) {
      for (const std::string& f : Words(fields[1])) {
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
        else e.preps.push_back(f);
      }
    }
    int id = static_cast<int>(entries_.size());
    entries_.push_back(e);
    auto add = [&](const std::string& form, CueForm kind) {
      if (form.empty()) return;
      auto& refs = Forms(form);
      for (const CueFormRef& r : refs)
        if (r.entry == id && r.form == kind) return;
      refs.push_back({id, kind});
    };
    const std::string& first = head[1];
    std::vector<std::string> spellings = {first};
    std::string british = BritishSpelling(first);
    if (!british.empty()) spellings.push_back(british);
    for (const std::string& sp : spellings) {
      if (e.noun) {
        add(sp, CueForm::kNoun);
        add(NounPlural(sp), CueForm::kNounPlural);
      } else {
        std::vector<std::string> vf = VerbForms(sp);
        add(vf[0], CueForm::kBase);
        add(vf[1], CueForm::kThird);
        add(vf[2], CueForm::kPast);
        add(vf[3], CueForm::kGerund);
      }
    }
    // Irregular forms: the kind follows from the ending.
    if (fields.size() > 2) {
      for (const std::string& f : Words(fields[2])) {
        CueForm kind = e.noun ? (EndsWith(f, "s") ? CueForm::kNounPlural : CueForm::kNoun)
                       : EndsWith(f, "ing")          ? CueForm::kGerund
                       : EndsWith(f, "s")            ? CueForm::kThird
                       : f == first                  ? CueForm::kBase
                                                     : CueForm::kPast;
        // "hit", "came": an irregular past; "hit" is also the base form.
        add(f, kind);
        if (!e.noun && kind == CueForm::kPast && f.size() <= first.size()) add(f, CueForm::kBase);
      }
    }
  }

  // --- Word lists: "[name]" blocks; verbs get their regular forms too.
  std::string block;
  Topic* topic = nullptr;
  for (std::string_view line : DataLines("condemnation-words")) {
    if (line.front() == '[') {
      block = std::string(line.substr(1, line.find(']') - 1));
      topic = nullptr;
      if (!block.empty() && block[0] >= '0' && block[0] <= '9') {
        topics_.push_back({Words(block)[0], {}, {}});
        topic = &topics_.back();
      }
      continue;
    }
    if (topic) {
      for (const std::string& w : Words(line)) {
        if (w.find('_') == std::string::npos) {
          topic->words.Insert(w);
          continue;
        }
        std::vector<std::string> phrase;
        size_t s = 0;
        while (s <= w.size()) {
          size_t u = w.find('_', s);
          if (u == std::string::npos) u = w.size();
          phrase.push_back(w.substr(s, u - s));
          s = u + 1;
        }
        topic->phrases.push_back(phrase);
      }
      continue;
    }
    if (block == "collective") {
      collective_.push_back(Words(line));
      continue;
    }
    bool verbs = block == "refusal" || block == "request" || block == "light" ||
                 block == "dismissal" || block == "speech" || block == "naming" ||
                 block == "provoke" || block == "provoke-with-agent" || block == "control";
    WordHashSet* set = nullptr;
    for (auto& [name, words] : lists_)
      if (name == block) set = &words;
    if (!set) set = &lists_.emplace_back(block, WordHashSet()).second;
    for (const std::string& w : Words(line)) {
      if (verbs) {
        for (const std::string& f : VerbForms(w)) set->Insert(f);
        std::string british = BritishSpelling(w);
        if (!british.empty())
          for (const std::string& f : VerbForms(british)) set->Insert(f);
      } else {
        set->Insert(w);
      }
    }
  }
}

void WordHashSet::Insert(std::string_view w) {
  uint64_t h = Hash(kHashSeed, w);
  if (index_.Find(h)) return;  // already there
  index_.Insert(h, static_cast<int32_t>(words_.size()));
  words_.emplace_back(w);
}

std::vector<CueFormRef>& CueLexicon::Forms(const std::string& form) {
  uint64_t h = Hash(kHashSeed, form);
  if (const int32_t* k = form_index_.Find(h)) return forms_[*k].second;
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
