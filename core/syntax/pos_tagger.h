// Part-of-speech tagging: a greedy left-to-right averaged perceptron over joint UPOS/XPOS tags
// ("VERB VBN", which the parser reads), reading the word window and the two tags chosen
// before; then a second pass over the UPOS tags alone, which also reads the pairs the first
// chose for the word and the two after it (more accurate for UPOS than the pairs).
#ifndef PRESSLENS_SYNTAX_POS_TAGGER_H_
#define PRESSLENS_SYNTAX_POS_TAGGER_H_

#include <cstdint>
#include <vector>

#include "syntax/syntax_model.h"

namespace presslens {
namespace syntax {

constexpr int kMaxTaggerFeatures = 48;

// The features of word i after the tags prev (i - 1) and prev2 (i - 2), -1 before the
// sentence, into out[0..kMaxTaggerFeatures); returns their count. `first` is null in the
// first pass, the first pass's tags in the second (where prev and prev2 are UPOS tags). The
// trainer and the tagger both call it.
int TaggerFeatures(const SentenceWords& w, int i, int prev, int prev2, const int* first,
                   uint64_t* out);

// One greedy pass of `model` (first: null, or the first pass's tags).
void TagPass(const LinearModel& model, const SentenceWords& w, const int* first,
             std::vector<int>* tags);

// Tags every word with both passes (the first alone with the compact feature set, UPOS then
// read off its tags): tags->at(i) is an index into SyntaxModel::tags(), upos->at(i) into
// SyntaxModel::upos().
void TagSentence(const SyntaxModel& model, const SentenceWords& w, std::vector<int>* tags,
                 std::vector<int>* upos);

}  // namespace syntax
}  // namespace presslens

#endif  // PRESSLENS_SYNTAX_POS_TAGGER_H_
