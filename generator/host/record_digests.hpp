#pragma once
/// One SHA-256 per record of the model, of its decoded content without source positions
/// (load/record_codec.hpp): the per-record part of rebuild fingerprints. Editing one salary
/// changes the digest of one conseiller, so only the outputs that list it are rendered again;
/// moving a record to another file or line changes nothing.
///
/// Each record also has the digest of its public part: what an output without personal data
/// (domain.md §7: the bulletins) can read of it. A conseiller without its e-mail address,
/// recruitment dates, salary, employment aid and rupture motive, and without its name unless
/// its publication is consented (`publication_nom`), as records-json publishes it
/// (render/model_json.cpp); a structure without its contact, IBAN and BIC; any other record
/// whole. Editing a salary then changes no bulletin's fingerprint.
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "tampon/model.hpp"

namespace tampon {

class RecordDigests {
 public:
  using Digest = std::array<std::uint8_t, 32>;
  /// Digests every record of `model.records`, on `threads` threads.
  RecordDigests(const Model& model, unsigned threads);
  /// The digest of `ref`, or nullptr for a record the model does not have.
  const Digest* find(const RecordRef& ref) const;
  /// The digest of the public part of `ref`, or nullptr for a record the model does not have.
  const Digest* find_public(const RecordRef& ref) const;
  std::size_t size() const { return m_digests.size(); }

 private:
  struct RefHash {
    std::size_t operator()(const RecordRef& ref) const {
      return std::hash<std::string_view>{}(ref.id) * 31 + static_cast<std::size_t>(ref.kind);
    }
  };
  struct Digests {
    Digest whole, public_part;
  };
  std::unordered_map<RecordRef, Digests, RefHash> m_digests;
};

}  // namespace tampon
