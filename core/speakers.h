// Speaker attribution: who said each quote, and the speech cue.
#ifndef PRESSLENS_SPEAKERS_H_
#define PRESSLENS_SPEAKERS_H_

#include "document.h"

namespace presslens {

class SpeakerFinder {
 public:
  SpeakerFinder();
  // Needs quotes and entity mentions; sets speaker, cue and rule of doc->result.quotes.
  void Run(Document* doc) const;
};

}  // namespace presslens

#endif  // PRESSLENS_SPEAKERS_H_
