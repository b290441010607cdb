// Entity mentions and their linking into canonical entities.
#ifndef PRESSLENS_ENTITIES_H_
#define PRESSLENS_ENTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "document.h"

namespace presslens {

class EntityFinder {
 public:
  explicit EntityFinder(const std::vector<LexiconEntry>& user_lexicon,
                        std::vector<std::string>* errors);
  ~EntityFinder();
  // Needs tokens, sentences and quote spans; fills doc->mentions and doc->result.entities.
  void Run(Document* doc) const;

 private:
  struct Tables;
  std::unique_ptr<Tables> tables_;
};

}  // namespace presslens

#endif  // PRESSLENS_ENTITIES_H_
