#include "load/record_codec.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace tampon::load {
namespace {

// One `fields` function per struct lists its members once; the Writer and the Reader both walk
// it, so the two directions cannot drift apart. The Writer only reads through the reference.
template <class Ar>
void fields(Ar& ar, Adresse& a) {
  ar(a.ligne)(a.code_postal)(a.commune);
}
template <class Ar>
void fields(Ar& ar, Personne& p) {
  ar(p.nom)(p.qualite);
}
template <class Ar>
void fields(Ar& ar, Contact& c) {
  ar(c.nom)(c.courriel)(c.telephone);
}
template <class Ar>
void fields(Ar& ar, Structure& s) {
  ar(s.id)(s.nom)(s.type)(s.siret)(s.adresse)(s.departement)(s.representant)(s.contact);
  ar(s.contrat_de_projet_autorise)(s.iban)(s.bic)(s.deliberation)(s.locs);
}
template <class Ar>
void fields(Ar& ar, Recrutement& r) {
  ar(r.presentation)(r.selection)(r.signature_contrat)(r.notification_poste);
}
template <class Ar>
void fields(Ar& ar, Contrat& c) {
  ar(c.type)(c.debut)(c.fin)(c.heures_hebdo)(c.salaire_brut_mensuel)(c.aides_emploi);
}
template <class Ar>
void fields(Ar& ar, Formation& f) {
  ar(f.depart)(f.heures)(f.exemption);
}
template <class Ar>
void fields(Ar& ar, Rupture& r) {
  ar(r.date)(r.motif);
}
template <class Ar>
void fields(Ar& ar, Conseiller& c) {
  ar(c.id)(c.prenom)(c.nom)(c.courriel)(c.structure)(c.role)(c.publication_nom);
  ar(c.recrutement)(c.contrat)(c.formation)(c.rupture)(c.locs);
}
template <class Ar>
void fields(Ar& ar, PosteRef& r) {
  ar(r.convention)(r.poste);
}
template <class Ar>
void fields(Ar& ar, Poste& p) {
  ar(p.numero)(p.role)(p.conseiller)(p.contrat)(p.montant)(p.derogation)(p.substitue);
}
template <class Ar>
void fields(Ar& ar, Convention& c) {
  ar(c.id)(c.structure)(c.regime)(c.signature)(c.debut)(c.fin)(c.dossier)(c.deliberation);
  ar(c.postes)(c.locs);
}
template <class Ar>
void fields(Ar& ar, Substitution& s) {
  ar(s.poste)(s.contrat);
}
template <class Ar>
void fields(Ar& ar, Avenant& a) {
  ar(a.id)(a.convention)(a.numero)(a.date)(a.objet)(a.postes_ajoutes)(a.postes_retires);
  ar(a.substitution)(a.nouvelle_fin)(a.motif)(a.locs);
}
template <class Ar>
void fields(Ar& ar, Versement& v) {
  ar(v.convention)(v.poste)(v.tranche)(v.date)(v.montant)(v.statut)(v.locs);
}
template <class Ar>
void fields(Ar& ar, Activites& a) {
  ar(a.accompagnements_individuels)(a.ateliers_collectifs)(a.participants_ateliers);
  ar(a.demandes_ponctuelles)(a.appels_solidarite_numerique);
}
template <class Ar>
void fields(Ar& ar, Rapport& r) {
  ar(r.structure)(r.conseiller)(r.mois)(r.activites)(r.usagers_accompagnes)(r.themes)(r.lieux);
  ar(r.has_lieux)(r.faits_marquants)(r.locs);
}
template <class Ar>
void fields(Ar& ar, LigneDepense& l) {
  ar(l.conseiller)(l.salaires_bruts)(l.charges_patronales)(l.frais)(l.justificatif);
}
template <class Ar>
void fields(Ar& ar, Depense& d) {
  ar(d.structure)(d.convention)(d.trimestre)(d.lignes)(d.locs);
}
template <class Ar, class T>
void fields(Ar& ar, Decoded<T>& d) {
  ar(d.record)(d.locs);
}
template <class Ar>
void fields(Ar& ar, Note& n) {
  ar(n.where.line)(n.where.column)(n.message);
}
template <class Ar>
void fields(Ar& ar, Diagnostic& d) {
  ar(d.where.line)(d.where.column)(d.severity)(d.code)(d.message)(d.notes);
}
template <class Ar>
void fields(Ar& ar, FileResult& f) {
  ar(f.structures)(f.conseillers)(f.conventions)(f.avenants)(f.versements)(f.rapports);
  ar(f.depenses)(f.diagnostics);
}

template <class E>
constexpr std::size_t enum_size() {
  if constexpr (std::is_same_v<E, Severity>)
    return 2;
  else
    return names<E>().size();
}

class Writer {
 public:
  /// Without `positions`, source positions are left out: what a record says, not where.
  explicit Writer(std::string& out, bool positions = true) : m_out(out), m_positions(positions) {}
  template <class T>
  Writer& operator()(const T& v) {
    put(v);
    return *this;
  }

 private:
  // Integers as LEB128 varints (signed ones zigzagged): counts, lines and columns are small,
  // so most take one byte and the cache stays about half the size of fixed-width numbers.
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      m_out.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    m_out.push_back(static_cast<char>(v));
  }
  void put(std::uint32_t v) { varint(v); }
  void put(std::int64_t v) {
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void put(int v) { put(static_cast<std::int64_t>(v)); }
  void put(bool v) { m_out.push_back(v ? 1 : 0); }
  void put(double v) {
    auto bits = std::bit_cast<std::uint64_t>(v);
    m_out.append(reinterpret_cast<const char*>(&bits), 8);  // host order: the cache stays local
  }
  void put(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    m_out.append(s);
  }
  void put(Money m) { put(static_cast<std::int64_t>(m.cents())); }
  void put(Date d) {
    put(static_cast<std::uint32_t>(d.year() * 512 + static_cast<int>(d.month()) * 32 +
                                   static_cast<int>(d.day())));
  }
  void put(Month m) { put(static_cast<std::uint32_t>(m.index())); }
  void put(Quarter q) {
    put(static_cast<std::uint32_t>(q.year * 4 + static_cast<int>(q.number) - 1));
  }
  void put(const SourceLoc& l) {
    if (!m_positions) return;
    put(l.line);
    put(l.column);
  }
  void put(const FieldLocs& l) { put(l.record); }
  template <class E>
  requires std::is_enum_v<E>
  void put(E e) { m_out.push_back(static_cast<char>(e)); }
  template <class T>
  void put(const std::optional<T>& o) {
    put(o.has_value());
    if (o) put(*o);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    put(static_cast<std::uint32_t>(v.size()));
    for (const auto& x : v) put(x);
  }
  template <class A, class B>
  void put(const std::pair<A, B>& p) {
    put(p.first);
    put(p.second);
  }
  template <class T, std::size_t N>
  void put(const std::array<T, N>& a) {
    for (const auto& x : a) put(x);
  }
  template <class T>
  requires std::is_class_v<T>
  void put(const T& v) { fields(*this, const_cast<T&>(v)); }

  std::string& m_out;
  bool m_positions;
};

class Reader {
 public:
  Reader(std::string_view in, std::uint32_t file)
      : m_p(in.data()), m_end(in.data() + in.size()), m_file(file) {}
  bool ok() const { return m_ok; }
  bool at_end() const { return m_p == m_end; }
  template <class T>
  Reader& operator()(T& v) {
    if (m_ok) get(v);
    return *this;
  }

 private:
  bool take(void* p, std::size_t n) {
    if (!m_ok || static_cast<std::size_t>(m_end - m_p) < n) return m_ok = false;
    std::memcpy(p, m_p, n);
    m_p += n;
    return true;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_p == m_end) break;
      auto byte = static_cast<std::uint8_t>(*m_p++);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    m_ok = false;
    return 0;
  }
  void get(std::uint32_t& v) {
    std::uint64_t u = varint();
    if (u > UINT32_MAX) m_ok = false;
    v = static_cast<std::uint32_t>(u);
  }
  void get(std::int64_t& v) {
    std::uint64_t u = varint();
    v = static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  }
  void get(int& v) {
    std::int64_t wide = 0;
    get(wide);
    if (wide < INT32_MIN || wide > INT32_MAX) m_ok = false;
    v = static_cast<int>(wide);
  }
  void get(bool& v) {
    std::uint8_t b = 0;
    take(&b, 1);
    if (b > 1) m_ok = false;
    v = b == 1;
  }
  void get(double& v) {
    std::uint64_t bits = 0;
    take(&bits, 8);
    v = std::bit_cast<double>(bits);
  }
  void get(std::string& s) {
    std::uint32_t n = 0;
    get(n);
    if (!m_ok || static_cast<std::size_t>(m_end - m_p) < n) {
      m_ok = false;
      return;
    }
    s.assign(m_p, n);
    m_p += n;
  }
  void get(Money& m) {
    std::int64_t c = 0;
    get(c);
    m = Money::cents(c);
  }
  void get(Date& d) {
    std::uint32_t packed = 0;
    get(packed);
    auto date = Date::from_ymd(static_cast<int>(packed / 512), (packed / 32) % 16, packed % 32);
    if (!date)
      m_ok = false;
    else
      d = *date;
  }
  // Years as the record files write them, four digits: a larger one is corrupt (and its
  // index would overflow an int when encoded again).
  static constexpr std::uint32_t k_max_year = 9999;
  void get(Month& m) {
    std::uint32_t i = 0;
    get(i);
    if (i / 12 > k_max_year) m_ok = false;
    m = Month{static_cast<int>(i / 12 > k_max_year ? 0 : i / 12), i % 12 + 1};
  }
  void get(Quarter& q) {
    std::uint32_t i = 0;
    get(i);
    if (i / 4 > k_max_year) m_ok = false;
    q = Quarter{static_cast<int>(i / 4 > k_max_year ? 0 : i / 4), i % 4 + 1};
  }
  void get(SourceLoc& l) {
    l.file = m_file;
    get(l.line);
    get(l.column);
  }
  void get(FieldLocs& l) { get(l.record); }
  template <class E>
  requires std::is_enum_v<E>
  void get(E& e) {
    std::uint8_t b = 0;
    take(&b, 1);
    if (b >= enum_size<E>()) m_ok = false;
    e = static_cast<E>(b);
  }
  template <class T>
  void get(std::optional<T>& o) {
    bool has = false;
    get(has);
    if (!has || !m_ok) return o.reset();
    get(o.emplace());
  }
  template <class T>
  void get(std::vector<T>& v) {
    std::uint32_t n = 0;
    get(n);
    // Every element takes at least one byte: a count beyond the bytes left is corruption,
    // caught before any allocation.
    if (!m_ok || n > static_cast<std::size_t>(m_end - m_p)) {
      m_ok = false;
      return;
    }
    v.resize(n);
    for (auto& x : v) {
      if (!m_ok) return;
      get(x);
    }
  }
  template <class A, class B>
  void get(std::pair<A, B>& p) {
    get(p.first);
    get(p.second);
  }
  template <class T, std::size_t N>
  void get(std::array<T, N>& a) {
    for (auto& x : a) get(x);
  }
  template <class T>
  requires std::is_class_v<T>
  void get(T& v) { fields(*this, v); }

  const char* m_p;
  const char* m_end;
  std::uint32_t m_file;
  bool m_ok = true;
};

}  // namespace

std::string encode_file_result(const FileResult& result) {
  std::string out;
  out.reserve(256);
  Writer writer(out);
  writer(result);
  return out;
}

std::optional<FileResult> decode_file_result(std::string_view bytes, std::uint32_t file_index) {
  FileResult result;
  Reader reader(bytes, file_index);
  reader(result);
  if (!reader.ok() || !reader.at_end()) return std::nullopt;
  return result;
}

template <class R>
std::string content_of(const R& record) {
  std::string out;
  out.reserve(128);
  Writer writer(out, false);
  writer(record);
  return out;
}

std::string record_content(const Structure& r) { return content_of(r); }
std::string record_content(const Conseiller& r) { return content_of(r); }
std::string record_content(const Convention& r) { return content_of(r); }
std::string record_content(const Avenant& r) { return content_of(r); }
std::string record_content(const Versement& r) { return content_of(r); }
std::string record_content(const Rapport& r) { return content_of(r); }
std::string record_content(const Depense& r) { return content_of(r); }

std::string record_layout_signature() {
  return fmt::format("{}.{}.{}.{}.{}.{}.{}.{}.{}", sizeof(Structure), sizeof(Conseiller),
                     sizeof(Convention), sizeof(Poste), sizeof(Avenant), sizeof(Versement),
                     sizeof(Rapport), sizeof(Depense), sizeof(LigneDepense));
}

}  // namespace tampon::load
