#include "render/document/pdf_file_id.hpp"

#include <openssl/evp.h>

#include <array>
#include <string_view>

namespace tampon::doc {
namespace {

constexpr std::size_t k_hex = 32;  // an MD5, as PoDoFo writes it: <32 hex digits>

bool is_hex(std::string_view text) {
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

bool set_content_file_id(std::string& pdf) {
  // "/ID[<" 32 hex "><" 32 hex ">]": the trailer is at the end, so search from there.
  const std::size_t at = pdf.rfind("/ID[<");
  if (at == std::string::npos) return false;
  const std::size_t first = at + 5, second = first + k_hex + 2;
  if (second + k_hex + 2 > pdf.size() || std::string_view(pdf).substr(first + k_hex, 2) != "><" ||
      std::string_view(pdf).substr(second + k_hex, 2) != ">]" ||
      !is_hex(std::string_view(pdf).substr(first, k_hex)) ||
      !is_hex(std::string_view(pdf).substr(second, k_hex)))
    return false;
  pdf.replace(first, k_hex, k_hex, '0');
  pdf.replace(second, k_hex, k_hex, '0');
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(pdf.data(), pdf.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
      length < 16)
    return false;
  static constexpr char k_digits[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < 16; ++i) {
    char high = k_digits[digest[i] >> 4], low = k_digits[digest[i] & 15];
    pdf[first + 2 * i] = pdf[second + 2 * i] = high;
    pdf[first + 2 * i + 1] = pdf[second + 2 * i + 1] = low;
  }
  return true;
}

}  // namespace tampon::doc
