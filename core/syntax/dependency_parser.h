// Dependency parsing: a greedy arc-eager transition parser (Nivre 2003) scored by an averaged
// perceptron over the rich non-local features of Zhang & Nivre (2011): the words and tags of
// the stack and buffer, distance, valency, the labels of the dependents found so far. Trained
// with the dynamic oracle of Goldberg & Nivre (2012), whose costs are here too.
//
// Tokens of the state: 0 is the root, 1..n the words of the sentence.
#ifndef PRESSLENS_SYNTAX_DEPENDENCY_PARSER_H_
#define PRESSLENS_SYNTAX_DEPENDENCY_PARSER_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "syntax/syntax_model.h"

namespace presslens {
namespace syntax {

// Actions: shift, reduce, left-arc with label l (2 + l), right-arc with label l (2 + L + l),
// for L labels.
constexpr int kShift = 0, kReduce = 1;
inline int LeftArc(int label) { return 2 + label; }
inline int RightArc(int label, int labels) { return 2 + labels + label; }

class ParserState {
 public:
  // A state before the first action on a sentence of n words; `root_label` is the index of
  // "root", the only label an arc from token 0 has.
  void Init(int n, int labels, int root_label);
  bool Terminal() const { return buffer_ > n_; }
  bool Valid(int action) const;
  void Apply(int action);
  // After Terminal(): every word without a head is attached (the first to the root when no
  // word is, the others to the root's dependent, as `punct` when tagged so, else `parataxis`).
  void Finish(int punct_label, int parataxis_label, const std::vector<bool>& is_punct);

  int n() const { return n_; }
  int head(int t) const { return head_[t]; }
  int label(int t) const { return label_[t]; }
  const std::vector<int>& stack() const { return stack_; }
  int buffer() const { return buffer_; }  // the first word not yet shifted (n + 1 when none)

  // The words' dependents found so far: leftmost, second leftmost, rightmost, second
  // rightmost (-1 when none), counts, and the sets of their labels as bits.
  int left1(int t) const { return left1_[t]; }
  int left2(int t) const { return left2_[t]; }
  int right1(int t) const { return right1_[t]; }
  int right2(int t) const { return right2_[t]; }
  int left_count(int t) const { return nleft_[t]; }
  int right_count(int t) const { return nright_[t]; }
  uint64_t left_labels(int t) const { return lset_[t]; }
  uint64_t right_labels(int t) const { return rset_[t]; }

  // The gold-tree arcs (gold_head per token, 0 = root) that `action` makes unreachable, plus
  // one when it makes a gold arc with the wrong label: the dynamic oracle's cost.
  int Cost(int action, const std::vector<int>& gold_head, const std::vector<int>& gold_label) const;

 private:
  void AddArc(int h, int d, int l);
  int n_ = 0, labels_ = 0, root_label_ = 0, buffer_ = 1;
  std::vector<int> stack_, head_, label_, left1_, left2_, right1_, right2_, nleft_, nright_;
  std::vector<uint64_t> lset_, rset_;
};

constexpr int kMaxParserFeatures = 112;

// The features of a state; tags[t - 1] is the tag of word t. Returns their count. `set` is
// the model's feature set (SyntaxModel::feature_set()).
int ParserFeatures(const ParserState& s, const SentenceWords& w, const std::vector<int>& tags,
                   uint64_t* out, int set = SyntaxModel::kFullFeatures);

// A parse: per word (0-based), its head (-1 for the root) and its label index.
struct Tree {
  std::vector<int> head, label;
};

// Parses with a beam of the `beam` best action sequences (0: the model's beam(); 1: greedy,
// the best valid action at every step); a sequence scores the sum of its actions' scores.
void ParseTags(const SyntaxModel& model, const SentenceWords& w, const std::vector<int>& tags,
               Tree* tree, int beam = 0);

// A candidate of a beam search: item `item` of the beam extended by `action` (-1: the item,
// finished, as it is) to a sequence scoring `score`.
struct BeamCandidate {
  double score;
  int item, action;
};

// Moves the `keep` best candidates to the front, best first; ties go to the earlier item and
// action, so the order does not depend on the sort.
void KeepBest(std::vector<BeamCandidate>* candidates, size_t keep);

// The valid actions of state `s` with the `k` best scores, best first, appended to `out` as
// (score, action); `scores` holds every action's score.
void BestValidActions(const ParserState& s, const float* scores, int classes, int root_label,
                      int k, std::vector<std::pair<float, int>>* out);

// One step of a beam search: fills `candidates` with every item of `beam` (a type with
// `state` and `score`) extended by its `width` best valid actions, a finished item as it is.
// `score_actions(state, scores)` writes the scores of all `classes` actions. Returns false
// when every item is finished.
template <class Item, class ScoreActions>
bool ExpandBeam(const std::vector<Item>& beam, int classes, int root_label, int width,
                ScoreActions score_actions, std::vector<BeamCandidate>* candidates) {
  std::vector<float> scores(classes);
  std::vector<std::pair<float, int>> actions;
  candidates->clear();
  bool open = false;
  for (int i = 0; i < static_cast<int>(beam.size()); ++i) {
    const ParserState& s = beam[i].state;
    if (s.Terminal()) {
      candidates->push_back({beam[i].score, i, -1});
      continue;
    }
    open = true;
    score_actions(s, scores.data());
    actions.clear();
    BestValidActions(s, scores.data(), classes, root_label, width, &actions);
    for (const auto& [score, a] : actions) candidates->push_back({beam[i].score + score, i, a});
  }
  return open;
}

}  // namespace syntax
}  // namespace presslens

#endif  // PRESSLENS_SYNTAX_DEPENDENCY_PARSER_H_
