// Part-of-speech tagging: a greedy left-to-right averaged perceptron over joint UPOS/XPOS tags
// ("VERB VBN"), reading the word window and the two tags chosen before.
#ifndef PRESSLENS_SYNTAX_POS_TAGGER_H_
#define PRESSLENS_SYNTAX_POS_TAGGER_H_

#include <cstdint>
#include <vector>

#include "syntax/syntax_model.h"

namespace presslens {
namespace syntax {

constexpr int kMaxTaggerFeatures = 32;

// The features of word i after the tags prev (i - 1) and prev2 (i - 2), -1 before the
// sentence, into out[0..kMaxTaggerFeatures); returns their count. The trainer and the tagger
// both call it.
int TaggerFeatures(const SentenceWords& w, int i, int prev, int prev2, uint64_t* out);

// Tags every word greedily; tags->at(i) is an index into SyntaxModel::tags().
void TagSentence(const LinearModel& model, const SentenceWords& w, std::vector<int>* tags);

}  // namespace syntax
}  // namespace presslens

#endif  // PRESSLENS_SYNTAX_POS_TAGGER_H_
