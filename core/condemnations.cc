#include "condemnations.h"

#include <string>
#include <unordered_map>

#include "data.h"

namespace presslens {

struct CondemnationFinder::Tables {
  struct CueInfo {
    std::string lemma, cameo;
  };
  std::unordered_map<std::string, CueInfo> forms;  // lower-case form -> cue
};

CondemnationFinder::CondemnationFinder() : tables_(new Tables) {
  std::string cameo;
  for (std::string_view line : DataLines("condemnation-cues")) {
    if (line.front() == '[') {
      cameo = std::string(line.substr(1, line.find(']') - 1));
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string lemma(line.substr(0, tab));
    std::string_view forms = line.substr(tab + 1);
    while (!forms.empty()) {
      size_t sp = forms.find(' ');
      std::string_view f = forms.substr(0, sp);
      if (!f.empty()) tables_->forms[std::string(f)] = {lemma, cameo};
      if (sp == std::string_view::npos) break;
      forms.remove_prefix(sp + 1);
    }
  }
}

CondemnationFinder::~CondemnationFinder() = default;

void CondemnationFinder::Run(Document* doc) const {
  const auto& tokens = doc->tokens;
  std::string lower;
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    std::string_view w = doc->TokenText(i);
    lower.assign(w.begin(), w.end());
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto it = tables_->forms.find(lower);
    if (it == tables_->forms.end()) continue;
    const Sentence& s = doc->sentences[tokens[i].sentence];
    // Target: the words after the cue up to the end of the clause.
    int end = i + 1;
    while (end < s.last) {
      std::string_view t = doc->TokenText(end);
      if (t == "," || t == ";" || t == "." || t == ":" || t == "!" || t == "?") break;
      ++end;
    }
    if (end == i + 1) continue;  // no stated target
    Condemnation c;
    c.cue = {it->second.lemma, {tokens[i].start, tokens[i].end}, it->second.cameo};
    c.target.span = {tokens[i + 1].start, tokens[end - 1].end};
    // Source: the nearest entity mention before the cue in the sentence.
    for (const Mention& m : doc->mentions) {
      if (m.first >= s.first && m.last <= i) {
        c.has_source = true;
        c.source = {m.entity, doc->result.entities[m.entity].name, {m.start, m.end}};
      }
    }
    c.span = {c.has_source ? c.source.span.start : c.cue.span.start, c.target.span.end};
    c.rule = "CONDEMN_ACTIVE";
    doc->result.condemnations.push_back(c);
  }
}

}  // namespace presslens
