// train_syntax OUT.bin --train FILE.conllu... --dev FILE.conllu... [--tagger-epochs N]
//              [--parser-epochs N] [--retrain-epochs N] [--tagger-weights N] [--upos-weights N]
//              [--parser-weights N] [--tagger-bits N] [--parser-bits N] [--beam N] [--tagger-only]
//              [--clusters FILE.tsv] [--compact] [--lift]
//
// Trains the syntactic layer (core/syntax/): the part-of-speech taggers, then the dependency
// parser on tags predicted by four taggers each trained without a quarter of the data (so
// the parser learns from tags as wrong as they are at run time). With --beam 1 the parser is
// trained greedily with the dynamic oracle and exploration from the second epoch; with a
// wider beam, globally over whole action sequences (max-violation updates). Each part keeps
// its N largest weights (--*-weights, all when 0) and then trains --retrain-epochs more
// epochs on those alone. Deterministic: fixed seeds and order. After each parser epoch the
// model as written (one byte per weight) is scored on the dev files; the best epoch is kept
// and written. --clusters gives word classes (tools/word_clusters.cc writes them: word, coarse
// class, fine class, count per line) that the model keeps and the features read. --compact
// trains the compact feature set (SyntaxModel::kCompactFeatures) and no second tagger pass.
// --lift trains the parser on the non-projective trees too, lifted to projective ones.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/pos_tagger.h"
#include "syntax/syntax_model.h"
#include "syntax_scores.h"

using namespace presslens::syntax;

namespace {

int tagger_bits = 20, parser_bits = 20;  // hash buckets (log2) of the taggers and the parser
int retrain_epochs = 3;  // epochs after pruning
int feature_set = SyntaxModel::kFullFeatures;  // --compact: kCompactFeatures

// Weights being learned: dense rows of `classes` per bucket, averaged with the running-sum
// trick (average = w - u / c).
struct Perceptron {
  int classes = 0;
  uint64_t mask = 0;
  std::vector<float> w, u;
  double c = 1;
  Perceptron(int k, int bits) : classes(k), mask((1ull << bits) - 1),
      w((size_t{1} << bits) * k), u((size_t{1} << bits) * k) {}
  void Score(const uint64_t* f, int n, float* scores) const {
    std::fill(scores, scores + classes, 0.0f);
    for (int i = 0; i < n; ++i) {
      const float* row = &w[(f[i] & mask) * classes];
      for (int k = 0; k < classes; ++k) scores[k] += row[k];
    }
  }
  void Update(const uint64_t* f, int n, int good, int bad) {
    Reward(f, n, good, 1);
    Reward(f, n, bad, -1);
  }
  void Reward(const uint64_t* f, int n, int cls, float delta) {
    for (int i = 0; i < n; ++i) Add((f[i] & mask) * classes + cls, delta);
  }
  void Add(size_t i, float d) {
    if (!kept.empty() && !kept[i]) return;
    w[i] += d;
    u[i] += d * static_cast<float>(c);
  }
  // Keeps only the `keep` largest averaged weights and goes on learning those alone (pruning,
  // then training again, recovers most of what pruning costs).
  void Prune(size_t keep) {
    w = Averaged();
    const float lo = LinearModel::KeepThreshold(w, keep);
    kept.assign(w.size(), 0);
    for (size_t i = 0; i < w.size(); ++i) {
      kept[i] = w[i] != 0 && std::fabs(w[i]) >= lo;
      if (!kept[i]) w[i] = 0;
    }
    std::fill(u.begin(), u.end(), 0.0f);
    c = 1;
  }
  std::vector<uint8_t> kept;  // empty: every weight learns
  std::vector<float> Averaged() const {
    std::vector<float> a(w.size());
    for (size_t i = 0; i < w.size(); ++i) a[i] = w[i] - static_cast<float>(u[i] / c);
    return a;
  }
};

struct Data {
  std::vector<ConlluSentence> sentences;
  std::vector<SentenceWords> words;
  std::vector<SentenceWords> caps;  // the same sentences written in capitals
  std::vector<std::vector<int>> tags, upos, labels;  // gold, as indexes
  std::vector<std::vector<int>> predicted;     // jackknifed tags
};

std::string Upper(const std::string& s) {
  std::string u = s;
  for (char& c : u)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return u;
}

// Whether sentence i is presented in capitals in this epoch (one in twenty).
bool InCapitals(size_t i, int epoch) { return (i * 2654435761u + epoch * 40503u) % 20 == 0; }

// One epoch of a tagger pass: the first (first == null, gold = d.tags) or the second
// (gold = d.upos), which reads the jackknifed first-pass tags.
void TrainTaggerEpoch(Perceptron* p, const Data& d, const std::vector<size_t>& order, int epoch,
                      const std::vector<std::vector<int>>* first) {
  const std::vector<std::vector<int>>& golds = first ? d.upos : d.tags;
  uint64_t f[kMaxTaggerFeatures];
  std::vector<float> scores(p->classes);
  for (size_t i : order) {
    const SentenceWords& w = InCapitals(i, epoch) ? d.caps[i] : d.words[i];
    int prev = -1, prev2 = -1;
    for (int k = 0; k < w.size(); ++k) {
      const int n = TaggerFeatures(w, k, prev, prev2, first ? (*first)[i].data() : nullptr, f);
      p->Score(f, n, scores.data());
      const int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      const int gold = golds[i][k];
      if (best != gold) p->Update(f, n, gold, best);
      p->c += 1;
      prev2 = prev;
      prev = gold;
    }
  }
}

// Whether the arc to word d (1-based) is projective: every word between it and its head
// descends from the head.
bool ProjectiveArc(const std::vector<int>& head, int d) {
  const int n = static_cast<int>(head.size()), h = head[d - 1];
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
    int x = k, steps = 0;
    while (x != 0 && x != h && steps++ <= n) x = head[x - 1];
    if (x != h) return false;
  }
  return true;
}

// Whether every arc is projective (the arc-eager parser can build only such trees; the other
// sentences are left out of its training, or lifted: --lift).
bool Projective(const std::vector<int>& head) {
  for (int d = 1; d <= static_cast<int>(head.size()); ++d)
    if (!ProjectiveArc(head, d)) return false;
  return true;
}

// Lifts the non-projective arcs of a tree (Nivre & Nilsson 2005, without encoding the lifts
// in the labels): the shortest such arc moves to its head's head, until the tree is
// projective. False (the tree as it was) when a lift would give the root a second dependent.
bool Lift(std::vector<int>* head) {
  std::vector<int> h = *head;
  const int n = static_cast<int>(h.size());
  for (int guard = 0; guard < 4 * n; ++guard) {
    int best = -1;
    for (int d = 1; d <= n; ++d)
      if (!ProjectiveArc(h, d) && (best < 0 || std::abs(h[d - 1] - d) < std::abs(h[best - 1] - best)))
        best = d;
    if (best < 0) {
      *head = h;
      return true;
    }
    const int up = h[h[best - 1] - 1];
    if (up == 0) return false;
    h[best - 1] = up;
  }
  return false;
}

void TrainParserEpoch(Perceptron* p, const Data& d, const std::vector<size_t>& order, int epoch,
                      int labels, int root, std::mt19937* rng) {
  uint64_t f[kMaxParserFeatures];
  std::vector<float> scores(p->classes);
  std::vector<int> costs(p->classes);
  std::vector<int> gold_head, gold_label;
  ParserState s;
  std::uniform_real_distribution<double> coin(0, 1);
  for (size_t i : order) {
    const ConlluSentence& sent = d.sentences[i];
    const int n = static_cast<int>(sent.form.size());
    gold_head.assign(1, -1);
    gold_label.assign(1, -1);
    for (int k = 0; k < n; ++k) {
      gold_head.push_back(sent.head[k]);
      gold_label.push_back(d.labels[i][k]);
    }
    if (!Projective(sent.head)) continue;
    const SentenceWords& w = InCapitals(i, epoch) ? d.caps[i] : d.words[i];
    s.Init(n, labels, root);
    while (!s.Terminal()) {
      const int count = ParserFeatures(s, w, d.predicted[i], f, feature_set);
      p->Score(f, count, scores.data());
      int best = -1, best_gold = -1;
      for (int a = 0; a < p->classes; ++a) {
        if (!s.Valid(a)) continue;
        costs[a] = s.Cost(a, gold_head, gold_label);
        if (best < 0 || scores[a] > scores[best]) best = a;
        if (costs[a] == 0 && (best_gold < 0 || scores[a] > scores[best_gold])) best_gold = a;
      }
      if (best_gold < 0) break;  // no zero-cost action: nothing left to learn here
      if (costs[best] > 0) p->Update(f, count, best_gold, best);
      p->c += 1;
      const bool explore = epoch > 0 && costs[best] > 0 && coin(*rng) < 0.9;
      s.Apply(explore ? best : best_gold);
    }
  }
}

// The canonical gold action (the static oracle): left-arc, right-arc, reduce or shift, the
// first that builds a gold arc or keeps every gold arc reachable.
int GoldAction(const ParserState& s, const std::vector<int>& gold_head,
               const std::vector<int>& gold_label, int labels) {
  const int s0 = s.stack().back(), b = s.buffer();
  if (b <= s.n()) {
    if (s0 != 0 && gold_head[s0] == b) return LeftArc(gold_label[s0]);
    if (gold_head[b] == s0) return RightArc(gold_label[b], labels);
  }
  if (s.Valid(kReduce) && s.Cost(kReduce, gold_head, gold_label) == 0) return kReduce;
  return kShift;
}

// One epoch of global training with a beam of `width` (Zhang & Clark 2008; the max-violation
// update of Huang et al. 2012): the beam runs over the whole sentence beside the gold action
// sequence; where the best item's score exceeds the gold prefix's by most, the gold prefix's
// features are rewarded and the best item's penalised.
void TrainParserBeamEpoch(Perceptron* p, const Data& d, const std::vector<size_t>& order,
                          int epoch, int labels, int root, int width) {
  struct Item {
    ParserState state;
    double score = 0;
    std::vector<int> history;
    bool gold = true;
  };
  uint64_t f[kMaxParserFeatures];
  std::vector<float> scores(p->classes);
  std::vector<int> gold_head, gold_label, gold_history, violation_history;
  std::vector<Item> beam, next;
  std::vector<BeamCandidate> candidates;
  ParserState gold, replay;
  for (size_t i : order) {
    const ConlluSentence& sent = d.sentences[i];
    const int n = static_cast<int>(sent.form.size());
    if (!Projective(sent.head)) continue;
    gold_head.assign(1, -1);
    gold_label.assign(1, -1);
    for (int k = 0; k < n; ++k) {
      gold_head.push_back(sent.head[k]);
      gold_label.push_back(d.labels[i][k]);
    }
    const SentenceWords& w = InCapitals(i, epoch) ? d.caps[i] : d.words[i];
    const std::vector<int>& tags = d.predicted[i];
    beam.assign(1, Item());
    beam[0].state.Init(n, labels, root);
    gold.Init(n, labels, root);
    gold_history.clear();
    // The largest violation so far: the best item's score less the gold prefix's, where the
    // best item is not gold; -1 (none) at first, so a step where the gold prefix, out of the
    // beam, scores less than 1 above the best item counts too.
    double gold_score = 0, violation = -1;
    size_t violation_gold_steps = 0;
    violation_history.clear();
    for (;;) {
      if (!gold.Terminal()) {
        const int count = ParserFeatures(gold, w, tags, f, feature_set);
        p->Score(f, count, scores.data());
        const int a = GoldAction(gold, gold_head, gold_label, labels);
        gold_score += scores[a];
        gold_history.push_back(a);
        gold.Apply(a);
      }
      auto score_actions = [&](const ParserState& s, float* out) {
        p->Score(f, ParserFeatures(s, w, tags, f, feature_set), out);
      };
      if (!ExpandBeam(beam, p->classes, root, width, score_actions, &candidates)) break;
      const size_t keep = std::min<size_t>(width, candidates.size());
      KeepBest(&candidates, keep);
      next.resize(keep);
      for (size_t k = 0; k < keep; ++k) {
        const BeamCandidate& c = candidates[k];
        const Item& from = beam[c.item];
        next[k].state = from.state;
        next[k].score = c.score;
        next[k].history = from.history;
        next[k].gold = from.gold;
        if (c.action >= 0) {
          next[k].state.Apply(c.action);
          next[k].history.push_back(c.action);
          next[k].gold = from.gold && from.history.size() < gold_history.size() &&
                         gold_history[from.history.size()] == c.action;
        }
      }
      std::swap(beam, next);
      if (!beam[0].gold && beam[0].score - gold_score >= violation) {
        violation = beam[0].score - gold_score;
        violation_history = beam[0].history;
        violation_gold_steps = gold_history.size();
      }
    }
    p->c += 1;
    if (violation < 0) continue;
    // The update: both sequences replayed from their first difference.
    size_t common = 0;
    while (common < violation_history.size() && common < violation_gold_steps &&
           violation_history[common] == gold_history[common])
      ++common;
    for (int side = 0; side < 2; ++side) {
      const std::vector<int>& h = side == 0 ? gold_history : violation_history;
      const size_t steps = side == 0 ? violation_gold_steps : violation_history.size();
      replay.Init(n, labels, root);
      for (size_t t = 0; t < steps; ++t) {
        if (t >= common) {
          const int count = ParserFeatures(replay, w, tags, f, feature_set);
          p->Reward(f, count, h[t], side == 0 ? 1.0f : -1.0f);
        }
        replay.Apply(h[t]);
      }
    }
  }
}

// Weights kept in the written model (the largest in magnitude), per tagger pass and for the
// parser: the size budget.
size_t tagger_keep = 0, upos_keep = 0, parser_keep = 0;
size_t upos_classes = 0;  // the UPOS tagger's
int beam_width = 1;  // the parser's
std::string classes_section;  // the model file's word classes (WordClasses::Write)
WordClasses word_classes;

std::string BuildModel(const std::vector<std::string>& tags, const std::vector<std::string>& labels,
                       const std::vector<float>& tagger, const std::vector<float>& retagger,
                       const std::vector<float>& parser) {
  std::string out = SyntaxModel::Header(beam_width, tags, labels, classes_section, feature_set);
  LinearModel::Write(tagger, static_cast<int>(tags.size()), tagger_bits, tagger_keep, &out);
  if (feature_set == SyntaxModel::kCompactFeatures)  // no second pass: an empty model
    LinearModel::Write(std::vector<float>(2 * upos_classes, 0.0f), static_cast<int>(upos_classes), 1, 0, &out);
  else
    LinearModel::Write(retagger, static_cast<int>(upos_classes), tagger_bits, upos_keep, &out);
  LinearModel::Write(parser, 2 + 2 * static_cast<int>(labels.size()), parser_bits, parser_keep, &out);
  return out;
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: train_syntax OUT.bin --train FILE... --dev FILE... "
                         "[--tagger-epochs N] [--parser-epochs N] [--retrain-epochs N] [--tagger-weights N] "
                         "[--upos-weights N] [--parser-weights N] [--tagger-bits N] [--parser-bits N] [--beam N] "
                         "[--tagger-only]\n");
    return 2;
  }
  const std::string out_path = argv[1];
  std::vector<std::string> train_files, dev_files;
  int tagger_epochs = 8, parser_epochs = 12;
  bool tagger_only = false;  // train and score the tagger alone (to try its features)
  std::string clusters_path;
  bool lift = false;  // train the parser on non-projective trees lifted (Lift), not without them
  for (int a = 2; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--train" && a + 1 < argc) train_files.push_back(argv[++a]);
    else if (arg == "--dev" && a + 1 < argc) dev_files.push_back(argv[++a]);
    else if (arg == "--tagger-epochs" && a + 1 < argc) tagger_epochs = std::atoi(argv[++a]);
    else if (arg == "--parser-epochs" && a + 1 < argc) parser_epochs = std::atoi(argv[++a]);
    else if (arg == "--tagger-only") tagger_only = true;
    else if (arg == "--compact") feature_set = SyntaxModel::kCompactFeatures;
    else if (arg == "--lift") lift = true;
    else if (arg == "--clusters" && a + 1 < argc) clusters_path = argv[++a];
    else if (arg == "--retrain-epochs" && a + 1 < argc) retrain_epochs = std::atoi(argv[++a]);
    else if (arg == "--beam" && a + 1 < argc) beam_width = std::atoi(argv[++a]);
    else if (arg == "--tagger-bits" && a + 1 < argc) tagger_bits = std::atoi(argv[++a]);
    else if (arg == "--parser-bits" && a + 1 < argc) parser_bits = std::atoi(argv[++a]);
    else if (arg == "--tagger-weights" && a + 1 < argc) tagger_keep = std::strtoul(argv[++a], nullptr, 10);
    else if (arg == "--upos-weights" && a + 1 < argc) upos_keep = std::strtoul(argv[++a], nullptr, 10);
    else if (arg == "--parser-weights" && a + 1 < argc) parser_keep = std::strtoul(argv[++a], nullptr, 10);
    else { std::fprintf(stderr, "train_syntax: unknown argument %s\n", arg.c_str()); return 2; }
  }
  const auto t0 = std::chrono::steady_clock::now();
  if (!clusters_path.empty()) {
    std::ifstream in(clusters_path);
    std::vector<std::string> words;
    std::vector<uint8_t> coarse, fine;
    std::string line;
    while (std::getline(in, line)) {
      const size_t a1 = line.find('\t'), a2 = line.find('\t', a1 + 1);
      if (a1 == std::string::npos || a2 == std::string::npos) continue;
      words.push_back(line.substr(0, a1));
      coarse.push_back(static_cast<uint8_t>(std::atoi(line.c_str() + a1 + 1)));
      fine.push_back(static_cast<uint8_t>(std::atoi(line.c_str() + a2 + 1)));
    }
    if (words.empty()) return std::fprintf(stderr, "train_syntax: no word classes in %s\n", clusters_path.c_str()), 1;
    WordClasses::Write(words, coarse, fine, &classes_section);
    size_t pos = 0;
    if (!word_classes.Read(classes_section, &pos)) return std::fprintf(stderr, "train_syntax: bad word classes\n"), 1;
    std::fprintf(stderr, "train_syntax: %zu words with classes\n", words.size());
  }
  Data d;
  for (const std::string& f : train_files)
    for (ConlluSentence& s : ReadConllu(f)) d.sentences.push_back(std::move(s));
  std::vector<std::vector<ConlluSentence>> devs;
  for (const std::string& f : dev_files) devs.push_back(ReadConllu(f));

  // Tags: UPOS/XPOS pairs seen at least 3 times; a rarer pair is read as the commonest pair of
  // its UPOS. Labels: every relation of the training data, in order of frequency.
  std::map<std::string, int> pair_count, label_count;
  for (const ConlluSentence& s : d.sentences)
    for (size_t k = 0; k < s.form.size(); ++k) {
      ++pair_count[s.upos[k] + " " + s.xpos[k]];
      ++label_count[s.deprel[k]];
    }
  auto by_count = [](const std::map<std::string, int>& m, int min) {
    std::vector<std::pair<int, std::string>> v;
    for (const auto& [k, c] : m)
      if (c >= min) v.emplace_back(-c, k);
    std::sort(v.begin(), v.end());
    std::vector<std::string> names;
    for (const auto& [c, k] : v) names.push_back(k);
    return names;
  };
  const std::vector<std::string> tags = by_count(pair_count, 3), labels = by_count(label_count, 1);
  if (labels.size() > 127 || tags.size() > 255) {
    std::fprintf(stderr, "train_syntax: too many tags or labels\n");
    return 1;
  }
  std::map<std::string, int> tag_index, label_index, upos_best;
  for (size_t t = 0; t < tags.size(); ++t) {
    tag_index[tags[t]] = static_cast<int>(t);
    const std::string upos = tags[t].substr(0, tags[t].find(' '));
    if (!upos_best.count(upos)) upos_best[upos] = static_cast<int>(t);
  }
  for (size_t l = 0; l < labels.size(); ++l) label_index[labels[l]] = static_cast<int>(l);
  std::map<std::string, int> upos_index;  // in order of first appearance in tags (SyntaxModel::upos)
  for (const std::string& t : tags) upos_index.emplace(t.substr(0, t.find(' ')), static_cast<int>(upos_index.size()));
  upos_classes = upos_index.size();
  const int root = label_index.at("root");
  if (lift) {
    int lifted = 0, left_out = 0;
    for (ConlluSentence& s : d.sentences) {
      if (Projective(s.head)) continue;
      if (Lift(&s.head)) ++lifted;
      else ++left_out;
    }
    std::fprintf(stderr, "train_syntax: %d non-projective trees lifted, %d left out\n", lifted, left_out);
  }
  for (const ConlluSentence& s : d.sentences) {
    std::vector<int> t, l;
    std::vector<std::string> upper;
    for (size_t k = 0; k < s.form.size(); ++k) {
      auto it = tag_index.find(s.upos[k] + " " + s.xpos[k]);
      t.push_back(it != tag_index.end() ? it->second : upos_best.count(s.upos[k]) ? upos_best[s.upos[k]] : 0);
      l.push_back(label_index.at(s.deprel[k]));
      upper.push_back(Upper(s.form[k]));
    }
    d.tags.push_back(t);
    std::vector<int> u;
    for (const std::string& name : s.upos) u.push_back(upos_index.count(name) ? upos_index[name] : 0);
    d.upos.push_back(u);
    d.labels.push_back(l);
    d.words.emplace_back();
    d.words.back().Compute(std::vector<std::string_view>(s.form.begin(), s.form.end()), &word_classes);
    d.caps.emplace_back();
    d.caps.back().Compute(std::vector<std::string_view>(upper.begin(), upper.end()), &word_classes);
  }
  std::fprintf(stderr, "train_syntax: %zu sentences, %zu tags, %zu labels\n", d.sentences.size(),
               tags.size(), labels.size());

  const size_t n = d.sentences.size();
  std::mt19937 rng(20261207);
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;

  // The tagger, and jackknifed tags for the parser's training.
  const int k_tags = static_cast<int>(tags.size());
  d.predicted.assign(n, {});
  for (int fold = 0; fold < 4; ++fold) {
    Perceptron p(k_tags, tagger_bits);
    std::vector<size_t> part;
    for (size_t i = 0; i < n; ++i)
      if (static_cast<int>(i % 4) != fold) part.push_back(i);
    for (int e = 0; e < tagger_epochs; ++e) {
      std::shuffle(part.begin(), part.end(), rng);
      TrainTaggerEpoch(&p, d, part, e, nullptr);
    }
    const std::vector<float> avg = p.Averaged();
    std::string bytes = SyntaxModel::Header(beam_width, tags, labels, classes_section, feature_set);
    LinearModel::Write(avg, k_tags, tagger_bits, tagger_keep, &bytes);
    size_t pos = SyntaxModel::Header(beam_width, tags, labels, classes_section, feature_set).size();
    LinearModel m;
    m.Read(bytes, &pos);
    long right = 0, all = 0;
    for (size_t i = fold; i < n; i += 4) {
      TagPass(m, d.words[i], nullptr, &d.predicted[i]);
      for (size_t k = 0; k < d.predicted[i].size(); ++k) right += d.predicted[i][k] == d.tags[i][k], ++all;
    }
    std::fprintf(stderr, "  jackknife fold %d: tag accuracy %.4f (%.0f s)\n", fold,
                 static_cast<double>(right) / all, Seconds(t0));
  }
  Perceptron tagger(k_tags, tagger_bits), retagger(static_cast<int>(upos_index.size()), tagger_bits);
  for (int e = 0; e < tagger_epochs + retrain_epochs; ++e) {
    if (e == tagger_epochs) tagger.Prune(tagger_keep), retagger.Prune(upos_keep);
    std::shuffle(order.begin(), order.end(), rng);
    TrainTaggerEpoch(&tagger, d, order, e, nullptr);
    if (feature_set == SyntaxModel::kFullFeatures) TrainTaggerEpoch(&retagger, d, order, e, &d.predicted);
  }
  const std::vector<float> tagger_weights = tagger.Averaged(), retagger_weights = retagger.Averaged();
  std::fprintf(stderr, "  tagger trained (%.0f s)\n", Seconds(t0));
  if (tagger_only) {
    std::string bytes = SyntaxModel::Header(beam_width, tags, labels, classes_section, feature_set);
    LinearModel::Write(tagger_weights, k_tags, tagger_bits, tagger_keep, &bytes);
    LinearModel::Write(retagger_weights, static_cast<int>(upos_index.size()), tagger_bits, upos_keep, &bytes);
    LinearModel::Write(std::vector<float>(2 * (2 + 2 * labels.size()), 0.0f), 2 + 2 * static_cast<int>(labels.size()), 1, 0, &bytes);
    SyntaxModel model;
    if (!model.Load(bytes)) return std::fprintf(stderr, "train_syntax: the tagger model does not load\n"), 1;
    for (const auto& dev : devs) {
      long right = 0, right1 = 0, all = 0;
      std::vector<int> first, predicted;
      for (const ConlluSentence& s : dev) {
        SentenceWords w;
        w.Compute(std::vector<std::string_view>(s.form.begin(), s.form.end()), &model.classes());
        TagSentence(model, w, &first, &predicted);
        for (size_t k = 0; k < predicted.size(); ++k, ++all) {
          right += model.upos()[predicted[k]] == s.upos[k];
          right1 += model.tag_upos()[first[k]] == s.upos[k];
        }
      }
      std::fprintf(stderr, "  UPOS first pass %.4f, both %.4f", static_cast<double>(right1) / all,
                   static_cast<double>(right) / all);
    }
    std::fprintf(stderr, "\n");
    return 0;
  }

  Perceptron parser(2 + 2 * static_cast<int>(labels.size()), parser_bits);
  std::string best_model;
  double best_las = -1;
  for (int e = 0; e < parser_epochs + retrain_epochs; ++e) {
    if (e == parser_epochs) {
      parser.Prune(parser_keep);
      std::fprintf(stderr, "  pruned to the %zu largest weights\n", parser_keep);
    }
    std::shuffle(order.begin(), order.end(), rng);
    if (beam_width > 1)
      TrainParserBeamEpoch(&parser, d, order, e, static_cast<int>(labels.size()), root, beam_width);
    else
      TrainParserEpoch(&parser, d, order, e, static_cast<int>(labels.size()), root, &rng);
    const std::string bytes = BuildModel(tags, labels, tagger_weights, retagger_weights, parser.Averaged());
    SyntaxModel model;
    if (!model.Load(bytes)) {
      std::fprintf(stderr, "train_syntax: the written model does not load\n");
      return 1;
    }
    double las = 0;
    std::fprintf(stderr, "  parser epoch %d (%.0f s, %zu bytes):", e + 1, Seconds(t0), bytes.size());
    for (size_t f = 0; f < devs.size(); ++f) {
      const SyntaxScores r = ScoreSyntax(model, devs[f]);
      std::fprintf(stderr, "  UPOS=%.4f UAS=%.4f LAS=%.4f", r.Upos(), r.Uas(), r.Las());
      las += r.Las() / devs.size();
    }
    std::fprintf(stderr, "\n");
    if (las > best_las) {
      best_las = las;
      best_model = bytes;
    }
  }
  std::ofstream out(out_path, std::ios::binary);
  out.write(best_model.data(), static_cast<std::streamsize>(best_model.size()));
  std::fprintf(stderr, "train_syntax: wrote %s (%zu bytes, mean dev LAS %.4f) in %.0f s\n",
               out_path.c_str(), best_model.size(), best_las, Seconds(t0));
  return out ? 0 : 1;
}
