#include "synthetic_model.hpp"

#include <cstdio>
#include <string>

namespace tampon::bench {
namespace {

constexpr int k_structures = 4000;
constexpr int k_conventions = 5000;
constexpr int k_conseillers = 10000;

/// Small deterministic generator (the same model on every run).
struct Lcg {
  std::uint64_t state = 42;
  unsigned next(unsigned bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((state >> 33) % bound);
  }
};

std::string id(const char* prefix, int n, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%0*d", prefix, width, n);
  return buffer;
}

Date day(int year, unsigned month, unsigned d) { return *Date::from_ymd(year, month, d); }

void add_records(Model& m, Lcg& rng) {
  for (int i = 0; i < k_structures; ++i) {
    Structure s;
    s.id = id("structure-", i, 5);
    s.nom = "Commune numéro " + std::to_string(i) + " de Saint-Étienne-du-Bois";
    s.type = i % 3 == 0 ? StructureType::Association : StructureType::Commune;
    s.siret = "21590139700012";
    m.records.structures.push_back(std::move(s));
  }
  for (int i = 0; i < k_conventions; ++i) {
    Convention c;
    c.id = id("cv-2021-", i, 4);
    c.structure = id("structure-", i % k_structures, 5);
    c.regime = "relance-2021";
    c.signature = day(2021, 1 + rng.next(12), 1 + rng.next(28));
    c.debut = c.signature;
    c.fin = c.signature.plus_months(24);
    m.records.conventions.push_back(std::move(c));
  }
}

TrancheLine tranche(int number, int pct, Date due, Money amount) {
  TrancheLine t;
  t.number = number;
  t.pct = pct;
  t.regime = "relance-2021";
  t.due = due;
  t.amount = amount;
  return t;
}

void set_status(TrancheLine& t, Date as_of, Lcg& rng, bool provisional) {
  if (provisional) {
    t.provisional = true;
    t.status = TrancheStatus::Provisoire;
  } else if (t.due > as_of) {
    t.status = TrancheStatus::AVenir;
  } else {
    unsigned draw = rng.next(10);
    t.status = draw < 7   ? TrancheStatus::Versee
               : draw < 8 ? TrancheStatus::Suspendue
               : draw < 9 ? TrancheStatus::RisqueSuspension
                          : TrancheStatus::Exigible;
    if (t.status == TrancheStatus::Versee || t.status == TrancheStatus::Suspendue) {
      t.paid_date = t.due.plus_days(static_cast<int>(rng.next(20)));
      t.paid_amount = t.amount;
    }
  }
}

PostState post(int numero, int conseiller, Date anchor, Date as_of, Lcg& rng) {
  PostState p;
  p.numero = numero;
  if (conseiller < k_conseillers) p.conseiller = id("cn-", conseiller, 5);
  p.provisional = !p.conseiller;
  p.amount = Money::euros(rng.next(3) == 0 ? 40000 : 50000);
  const int pcts[] = {20, 30, 50}, offsets[] = {1, 6, 12};
  Money left = p.amount;
  for (int i = 0; i < 3; ++i) {
    Money amount = i == 2 ? left : p.amount.percent_floor(pcts[i]);
    left -= amount;
    TrancheLine t = tranche(i + 1, pcts[i], anchor.plus_months(offsets[i]), amount);
    set_status(t, as_of, rng, p.provisional);
    t.after_rupture = rng.next(50) == 0;
    p.tranches.push_back(t);
  }
  return p;
}

}  // namespace

std::unique_ptr<Model> synthetic_national_model(Date as_of) {
  auto m = std::make_unique<Model>();
  m->as_of = as_of;
  Regime regime;
  regime.id = "relance-2021";
  regime.label = "Plan de relance, appel de 2021";
  m->baremes.regimes.push_back(regime);
  Lcg rng;
  add_records(*m, rng);
  m->index();
  int next_conseiller = 0;
  for (const Convention& c : m->records.conventions) {
    ConventionState cs;
    cs.record = &c;
    cs.structure = m->structure(c.structure);
    cs.regime = m->baremes.regime("relance-2021");
    ConventionVersion v;
    v.fin = c.fin;
    int posts = 1 + static_cast<int>(rng.next(3));  // 1..3, about 2 on average
    for (int n = 1; n <= posts; ++n) {
      int who = rng.next(8) == 0 ? k_conseillers : next_conseiller++;  // 1 in 8 vacant
      v.posts.push_back(post(n, who, c.signature.plus_days(10), as_of, rng));
      v.total += v.posts.back().amount;
    }
    cs.versions.push_back(std::move(v));
    m->conventions.push_back(std::move(cs));
  }
  m->index();
  return m;
}

}  // namespace tampon::bench
