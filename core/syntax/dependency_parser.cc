#include "syntax/dependency_parser.h"

#include <algorithm>

namespace presslens {
namespace syntax {

void ParserState::Init(int n, int labels, int root_label) {
  n_ = n;
  labels_ = labels;
  root_label_ = root_label;
  buffer_ = 1;
  stack_.assign(1, 0);
  head_.assign(n + 1, -1);
  label_.assign(n + 1, -1);
  left1_.assign(n + 1, -1);
  left2_.assign(n + 1, -1);
  right1_.assign(n + 1, -1);
  right2_.assign(n + 1, -1);
  nleft_.assign(n + 1, 0);
  nright_.assign(n + 1, 0);
  lset_.assign(n + 1, 0);
  rset_.assign(n + 1, 0);
}

bool ParserState::Valid(int action) const {
  const int s = stack_.back();
  if (action == kShift) return buffer_ <= n_;
  if (action == kReduce) return s != 0 && head_[s] >= 0;
  if (buffer_ > n_) return false;
  if (action < 2 + labels_) {  // left-arc
    return s != 0 && head_[s] < 0 && action - 2 != root_label_;
  }
  const int l = action - 2 - labels_;
  if (s == 0) return l == root_label_ && right1_[0] < 0;
  return l != root_label_;
}

void ParserState::AddArc(int h, int d, int l) {
  head_[d] = h;
  label_[d] = l;
  const uint64_t bit = 1ull << (l & 63);
  if (d < h) {
    if (left1_[h] < 0 || d < left1_[h]) {
      left2_[h] = left1_[h];
      left1_[h] = d;
    } else if (left2_[h] < 0 || d < left2_[h]) {
      left2_[h] = d;
    }
    ++nleft_[h];
    lset_[h] |= bit;
  } else {
    if (right1_[h] < 0 || d > right1_[h]) {
      right2_[h] = right1_[h];
      right1_[h] = d;
    } else if (right2_[h] < 0 || d > right2_[h]) {
      right2_[h] = d;
    }
    ++nright_[h];
    rset_[h] |= bit;
  }
}

void ParserState::Apply(int action) {
  const int s = stack_.back();
  if (action == kShift) {
    stack_.push_back(buffer_++);
  } else if (action == kReduce) {
    stack_.pop_back();
  } else if (action < 2 + labels_) {
    AddArc(buffer_, s, action - 2);
    stack_.pop_back();
  } else {
    AddArc(s, buffer_, action - 2 - labels_);
    stack_.push_back(buffer_++);
  }
}

void ParserState::Finish(int punct_label, int parataxis_label, const std::vector<bool>& is_punct) {
  int root = right1_[0];
  for (int t = 1; t <= n_; ++t) {
    if (head_[t] >= 0) continue;
    if (root < 0) {
      AddArc(0, t, root_label_);
      root = t;
    } else {
      AddArc(root, t, is_punct[t - 1] ? punct_label : parataxis_label);
    }
  }
}

int ParserState::Cost(int action, const std::vector<int>& gold_head,
                      const std::vector<int>& gold_label) const {
  const int s = stack_.back(), b = buffer_;
  int cost = 0;
  if (action == kShift) {
    for (int k : stack_) {
      if (gold_head[b] == k) ++cost;
      if (k != 0 && gold_head[k] == b && head_[k] < 0) ++cost;
    }
  } else if (action == kReduce) {
    for (int k = b; k <= n_; ++k) cost += gold_head[k] == s;
  } else if (action < 2 + labels_) {
    if (gold_head[s] > b) ++cost;
    for (int k = b; k <= n_; ++k) cost += gold_head[k] == s;
    if (gold_head[s] == b && gold_label[s] != action - 2) ++cost;
  } else {
    if (gold_head[b] > b) ++cost;
    for (int k : stack_) {
      if (k != s && gold_head[b] == k) ++cost;
      if (k != 0 && gold_head[k] == b && head_[k] < 0) ++cost;
    }
    if (gold_head[b] == s && gold_label[b] != action - 2 - labels_) ++cost;
  }
  return cost;
}

namespace {

// Distance between two tokens as a feature value.
uint64_t Distance(int a, int b) {
  const int d = b > a ? b - a : a - b;
  return d < 5 ? d : d < 10 ? 5 : 6;
}

}  // namespace

namespace {

// The templates of the compact feature set: single words and tags of the stack top and the
// buffer, their pairs with tags, tag trigrams, distance, valency and labels with tags, the
// word classes; no lexical pairs or third-order words.
constexpr bool kCompact[kMaxParserFeatures] = {
    1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1,  // 0-19
    1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,  // 20-39
    0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // 40-59
    0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1,  // 60-79
    0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0};                // 80-94

int AllFeatures(const ParserState& s, const SentenceWords& w, const std::vector<int>& tags,
                uint64_t* out);

}  // namespace

int ParserFeatures(const ParserState& s, const SentenceWords& w, const std::vector<int>& tags,
                   uint64_t* out, int set) {
  if (set == SyntaxModel::kFullFeatures) return AllFeatures(s, w, tags, out);
  uint64_t all[kMaxParserFeatures];
  const int n = AllFeatures(s, w, tags, all);
  int c = 0;
  for (int k = 0; k < n; ++k)
    if (kCompact[k]) out[c++] = all[k];
  return c;
}

namespace {

// Every template; out[k] is template k's feature.
int AllFeatures(const ParserState& s, const SentenceWords& w, const std::vector<int>& tags,
                uint64_t* out) {
  const int n = s.n();
  // Word and tag of token t: 1 for none, 2 for the root.
  auto W = [&](int t) -> uint64_t { return t < 0 || t > n ? 1 : t == 0 ? 2 : w.form[t - 1]; };
  auto P = [&](int t) -> uint64_t {
    return t < 0 || t > n ? 1 : t == 0 ? 2 : static_cast<uint64_t>(tags[t - 1]) + 3;
  };
  auto L = [&](int t) -> uint64_t { return t <= 0 || t > n ? 1 : static_cast<uint64_t>(s.label(t)) + 2; };
  auto H = [&](int t) -> int { return t <= 0 ? -1 : s.head(t); };
  const auto& st = s.stack();
  const int s0 = st.back();
  const int s1 = st.size() >= 2 ? st[st.size() - 2] : -1;
  const int n0 = s.buffer() <= n ? s.buffer() : -1;
  const int n1 = n0 >= 0 && n0 + 1 <= n ? n0 + 1 : -1;
  const int n2 = n1 >= 0 && n1 + 1 <= n ? n1 + 1 : -1;
  const int s0h = H(s0), s0h2 = H(s0h);
  const int s0l = s.left1(s0), s0l2 = s.left2(s0), s0r = s.right1(s0), s0r2 = s.right2(s0);
  const int n0l = n0 >= 0 ? s.left1(n0) : -1, n0l2 = n0 >= 0 ? s.left2(n0) : -1;
  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1);
  const uint64_t n2w = W(n2), n2p = P(n2);
  const uint64_t s0wp = Feature(99, s0w, s0p), n0wp = Feature(99, n0w, n0p);
  const uint64_t dist = n0 >= 0 && s0 > 0 ? Distance(s0, n0) : 7;
  const uint64_t s0vl = static_cast<uint64_t>(s.left_count(s0)), s0vr = static_cast<uint64_t>(s.right_count(s0));
  const uint64_t n0vl = n0 >= 0 ? static_cast<uint64_t>(s.left_count(n0)) : 0;
  const uint64_t s0sl = s.left_labels(s0), s0sr = s.right_labels(s0);
  const uint64_t n0sl = n0 >= 0 ? s.left_labels(n0) : 0;
  const uint64_t s0has = s0 > 0 && s.head(s0) >= 0;
  int c = 0;
  out[c++] = Feature(0, 0);
  // Single words.
  out[c++] = Feature(1, s0wp);
  out[c++] = Feature(2, s0w);
  out[c++] = Feature(3, s0p);
  out[c++] = Feature(4, n0wp);
  out[c++] = Feature(5, n0w);
  out[c++] = Feature(6, n0p);
  out[c++] = Feature(7, n1w, n1p);
  out[c++] = Feature(8, n1w);
  out[c++] = Feature(9, n1p);
  out[c++] = Feature(10, n2w, n2p);
  out[c++] = Feature(11, n2w);
  out[c++] = Feature(12, n2p);
  // Pairs.
  out[c++] = Feature(13, s0wp, n0wp);
  out[c++] = Feature(14, s0wp, n0w);
  out[c++] = Feature(15, s0w, n0wp);
  out[c++] = Feature(16, s0wp, n0p);
  out[c++] = Feature(17, s0p, n0wp);
  out[c++] = Feature(18, s0w, n0w);
  out[c++] = Feature(19, s0p, n0p);
  out[c++] = Feature(20, n0p, n1p);
  // Three words.
  out[c++] = Feature(21, n0p, n1p, n2p);
  out[c++] = Feature(22, s0p, n0p, n1p);
  out[c++] = Feature(23, P(s0h), s0p, n0p);
  out[c++] = Feature(24, s0p, P(s0l), n0p);
  out[c++] = Feature(25, s0p, P(s0r), n0p);
  out[c++] = Feature(26, s0p, n0p, P(n0l));
  // Distance.
  out[c++] = Feature(27, s0w, dist);
  out[c++] = Feature(28, s0p, dist);
  out[c++] = Feature(29, n0w, dist);
  out[c++] = Feature(30, n0p, dist);
  out[c++] = Feature(31, s0w, n0w, dist);
  out[c++] = Feature(32, s0p, n0p, dist);
  // Valency.
  out[c++] = Feature(33, s0w, s0vr);
  out[c++] = Feature(34, s0p, s0vr);
  out[c++] = Feature(35, s0w, s0vl);
  out[c++] = Feature(36, s0p, s0vl);
  out[c++] = Feature(37, n0w, n0vl);
  out[c++] = Feature(38, n0p, n0vl);
  // Unigrams of the dependents and head.
  out[c++] = Feature(39, W(s0h));
  out[c++] = Feature(40, P(s0h));
  out[c++] = Feature(41, L(s0));
  out[c++] = Feature(42, W(s0l));
  out[c++] = Feature(43, P(s0l));
  out[c++] = Feature(44, L(s0l));
  out[c++] = Feature(45, W(s0r));
  out[c++] = Feature(46, P(s0r));
  out[c++] = Feature(47, L(s0r));
  out[c++] = Feature(48, W(n0l));
  out[c++] = Feature(49, P(n0l));
  out[c++] = Feature(50, L(n0l));
  // Third order.
  out[c++] = Feature(51, W(s0h2));
  out[c++] = Feature(52, P(s0h2));
  out[c++] = Feature(53, L(s0h));
  out[c++] = Feature(54, W(s0l2));
  out[c++] = Feature(55, P(s0l2));
  out[c++] = Feature(56, L(s0l2));
  out[c++] = Feature(57, W(s0r2));
  out[c++] = Feature(58, P(s0r2));
  out[c++] = Feature(59, L(s0r2));
  out[c++] = Feature(60, W(n0l2));
  out[c++] = Feature(61, P(n0l2));
  out[c++] = Feature(62, L(n0l2));
  out[c++] = Feature(63, s0p, P(s0l), P(s0l2));
  out[c++] = Feature(64, s0p, P(s0r), P(s0r2));
  out[c++] = Feature(65, s0p, P(s0h), P(s0h2));
  out[c++] = Feature(66, n0p, P(n0l), P(n0l2));
  // Label sets.
  out[c++] = Feature(67, s0w, s0sr);
  out[c++] = Feature(68, s0p, s0sr);
  out[c++] = Feature(69, s0w, s0sl);
  out[c++] = Feature(70, s0p, s0sl);
  out[c++] = Feature(71, n0w, n0sl);
  out[c++] = Feature(72, n0p, n0sl);
  // Beyond Zhang & Nivre: the second stack word, whether the stack top has its head (the
  // arc-eager reduce decision), the words' suffixes, the buffer's first two words together.
  out[c++] = Feature(73, W(s1), P(s1));
  out[c++] = Feature(74, P(s1), s0p, n0p);
  out[c++] = Feature(75, s0has, s0p, n0p);
  out[c++] = Feature(76, s0has, L(s0), n0p);
  out[c++] = Feature(77, n0 >= 0 ? w.suffix[2][n0 - 1] : 1, s0p);
  out[c++] = Feature(78, s0 > 0 ? w.suffix[2][s0 - 1] : 1, n0p);
  out[c++] = Feature(79, s0p, n0p, n1 >= 0 ? 1 : 0);
  out[c++] = Feature(80, n0w, n1w);
  // The commas and quote marks between the stack top and the buffer word: a clause or an
  // apposition boundary, a quotation's edge.
  static const uint64_t kComma = HashBytes(","), kQuote = HashBytes("\"");
  uint64_t commas = 0, quotes = 0;
  if (s0 > 0 && n0 > 0)
    for (int k = s0; k < n0 - 1; ++k) {
      commas += w.form[k] == kComma;
      quotes += w.form[k] == kQuote;
    }
  out[c++] = Feature(81, s0p, n0p, commas < 2 ? commas : 2);
  out[c++] = Feature(82, s0p, n0p, quotes < 2 ? quotes : 2);
  if (!w.classed) return c;
  // Word classes (Koo et al. 2008): the fine and coarse classes of the stack top, the buffer's
  // first words and the stack top's head, alone, paired with tags and with words.
  auto CF = [&](int t) -> uint64_t { return t < 0 || t > n ? 1 : t == 0 ? 2 : w.fine[t - 1] + 3u; };
  auto CC = [&](int t) -> uint64_t { return t < 0 || t > n ? 1 : t == 0 ? 2 : w.coarse[t - 1] + 3u; };
  const uint64_t s0f = CF(s0), n0f = CF(n0), n1f = CF(n1), s0c = CC(s0), n0c = CC(n0);
  out[c++] = Feature(83, s0f);
  out[c++] = Feature(84, n0f);
  out[c++] = Feature(85, n1f);
  out[c++] = Feature(86, s0f, n0f);
  out[c++] = Feature(87, s0f, n0p);
  out[c++] = Feature(88, s0p, n0f);
  out[c++] = Feature(89, s0c, n0c, CC(n1));
  out[c++] = Feature(90, CC(s0h), s0c, n0c);
  out[c++] = Feature(91, s0c, n0c, dist);
  out[c++] = Feature(92, n0f, n1f);
  out[c++] = Feature(93, s0w, n0f);
  out[c++] = Feature(94, s0f, n0w);
  return c;
}

}  // namespace

void BestValidActions(const ParserState& s, const float* scores, int classes, int root_label,
                      int k, std::vector<std::pair<float, int>>* out) {
  const int labels = (classes - 2) / 2;
  // Validity depends on the kind of action and on the root label alone: one test per kind,
  // the root label's arcs apart.
  const size_t first = out->size();
  auto consider = [&](int lo, int hi) {
    if (lo >= hi || !s.Valid(lo)) return;
    for (int a = lo; a < hi; ++a) {
      const std::pair<float, int> c(scores[a], a);
      if (static_cast<int>(out->size() - first) < k) {
        out->push_back(c);
      } else if (c.first > (*out)[out->size() - 1].first) {
        out->back() = c;
      } else {
        continue;
      }
      // Keeps the candidates sorted best first (k is small).
      for (size_t j = out->size() - 1; j > first && (*out)[j].first > (*out)[j - 1].first; --j)
        std::swap((*out)[j], (*out)[j - 1]);
    }
  };
  const int root_left = LeftArc(root_label), root_right = RightArc(root_label, labels);
  consider(kShift, kShift + 1);
  consider(kReduce, kReduce + 1);
  consider(LeftArc(0), root_left);
  consider(root_left + 1, LeftArc(labels));
  consider(RightArc(0, labels), root_right);
  consider(root_right + 1, RightArc(labels, labels));
  consider(root_right, root_right + 1);
}

void KeepBest(std::vector<BeamCandidate>* candidates, size_t keep) {
  std::partial_sort(candidates->begin(), candidates->begin() + keep, candidates->end(),
                    [](const BeamCandidate& a, const BeamCandidate& b) {
                      if (a.score != b.score) return a.score > b.score;
                      return a.item != b.item ? a.item < b.item : a.action < b.action;
                    });
}

void ParseTags(const SyntaxModel& model, const SentenceWords& w, const std::vector<int>& tags,
               Tree* tree, int beam) {
  const int n = w.size(), labels = static_cast<int>(model.labels().size());
  const LinearModel& lm = model.parser();
  const int classes = lm.classes(), width = beam > 0 ? beam : model.beam();
  const int root = model.Label("root");
  // The beam: states with their scores; a finished state stays in the beam as it is.
  struct Item {
    ParserState state;
    double score = 0;
  };
  std::vector<Item> items(1), next;
  items[0].state.Init(n, labels, root);
  uint64_t feats[kMaxParserFeatures];
  std::vector<BeamCandidate> candidates;
  auto score_actions = [&](const ParserState& s, float* scores) {
    const int count = ParserFeatures(s, w, tags, feats, model.feature_set());
    std::fill(scores, scores + classes, 0.0f);
    lm.Score(feats, count, scores);
  };
  while (ExpandBeam(items, classes, root, width, score_actions, &candidates)) {
    if (width == 1) {  // greedy: the one state moves on in place
      if (candidates[0].action >= 0) items[0].state.Apply(candidates[0].action);
      continue;
    }
    const size_t keep = std::min<size_t>(width, candidates.size());
    KeepBest(&candidates, keep);
    next.resize(keep);
    for (size_t k = 0; k < keep; ++k) {
      const BeamCandidate& c = candidates[k];
      next[k].state = items[c.item].state;
      next[k].score = c.score;
      if (c.action >= 0) next[k].state.Apply(c.action);
    }
    std::swap(items, next);
  }
  ParserState& s = items[0].state;
  std::vector<bool> is_punct(n);
  for (int i = 0; i < n; ++i) is_punct[i] = model.tag_upos()[tags[i]] == "PUNCT";
  s.Finish(model.Label("punct"), model.Label("parataxis"), is_punct);
  tree->head.resize(n);
  tree->label.resize(n);
  for (int t = 1; t <= n; ++t) {
    tree->head[t - 1] = s.head(t) - 1;
    tree->label[t - 1] = s.label(t);
  }
}

}  // namespace syntax
}  // namespace presslens
