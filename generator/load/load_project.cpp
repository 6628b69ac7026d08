#include "load/load_project.hpp"

#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <exception>
#include <thread>

#include "core/parallel.hpp"
#include "load/decode_file.hpp"
#include "load/load_rules_data.hpp"
#include "load/merge.hpp"
#include "load/record_cache.hpp"
#include "load/record_codec.hpp"
#include "load/source_files.hpp"

namespace tampon {
namespace {

using namespace load;

struct FileWork {
  FileResult result;
  Sha256 digest{};
  bool read = false;  ///< the bytes were read (digest is meaningful)
  bool cache_hit = false;
  std::string payload;  ///< encoded result for the cache, on a miss
};

unsigned job_count(const LoadOptions& options) {
  if (options.jobs > 0) return options.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

FileResult internal_failure(std::string_view what) {
  FileResult result;
  Diagnostic d;
  d.code = "unreadable-file";
  d.message = fmt::format("erreur interne en lisant ce fichier ({})", what);
  result.diagnostics.push_back(std::move(d));
  result.input_failure = true;
  return result;
}

// Reads, hashes and decodes one file (or takes its decoded form from the cache). Never
// throws: even an internal failure becomes a finding on that file.
FileWork process(const SourceFile& file, std::uint32_t index, const SourceRoot& root,
                 const RecordCache* cache) {
  FileWork work;
  try {
    FileBytes read = read_file_capped(file.absolute, root);
    if (read.failure) {
      work.result.diagnostics.push_back(std::move(*read.failure));
      work.result.input_failure = true;
      return work;
    }
    work.digest = sha256(read.bytes);
    work.read = true;
    if (cache) {
      if (auto cached = cache->find(work.digest, index)) {
        work.result = std::move(*cached);
        work.cache_hit = true;
        attach_locs(work.result);
        return work;
      }
    }
    work.result = decode_file(read.bytes, file.kind, index);
    if (cache && !work.result.input_failure) work.payload = encode_file_result(work.result);
    attach_locs(work.result);
  } catch (const std::exception& e) {
    work.result = internal_failure(e.what());
  } catch (...) {
    work.result = internal_failure("exception inconnue");
  }
  return work;
}

void load_records(const ProjectContext& project, const LoadOptions& options, LoadResult& out) {
  std::vector<SourceFile> files =
      list_record_files(project.project_dir, out.diagnostics, out.input_failure);
  std::vector<std::uint32_t> indexes;
  indexes.reserve(files.size());
  for (const auto& f : files) indexes.push_back(out.records.files.add(f.relative));

  std::optional<RecordCache> cache;
  if (!options.cache_dir.empty()) cache = RecordCache::open(options.cache_dir, project.project_dir);
  const RecordCache* cache_ptr = cache ? &*cache : nullptr;

  // Record files must really be under the project's data/ (io/source_file.hpp).
  SourceRoot root(project.project_dir, "data");
  std::vector<FileWork> work(files.size());
  for_each_index(files.size(), job_count(options),
                 [&](std::size_t i) { work[i] = process(files[i], indexes[i], root, cache_ptr); });

  if (cache) {
    for (auto& w : work) {
      if (w.cache_hit)
        cache->keep_existing(w.digest);
      else if (!w.payload.empty())
        cache->keep(w.digest, std::move(w.payload));
    }
    cache->save();
  }
  std::vector<const FileResult*> results;
  for (const auto& w : work) results.push_back(&w.result);
  reserve_records(results, out.records);
  for (std::size_t i = 0; i < files.size(); ++i) {
    out.files.push_back({files[i].relative, work[i].read ? hex(work[i].digest) : std::string{}});
    out.input_failure = out.input_failure || work[i].result.input_failure;
    merge_file(std::move(work[i].result), files[i].relative, out.records, out.diagnostics);
  }
}

}  // namespace

// Gives back to the system the memory freed while loading: file bytes, YAML trees, the parser
// threads' per-file results. glibc keeps freed memory for reuse, in one arena per thread, so
// without this the process stays as large as at the busiest moment of loading (on the national
// set, 138 MB resident for 66 MB in use) and every later stage adds to that.
void release_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

LoadResult load_project(const ProjectContext& project, const LoadOptions& options) {
  LoadResult out;
  load_records(project, options, out);
  load::load_baremes(project, out);
  load::load_smic(project, out);
  load::sort_records(out.records);
  sort_diagnostics(out.diagnostics);
  std::sort(out.files.begin(), out.files.end(),
            [](const LoadedFile& a, const LoadedFile& b) { return a.path < b.path; });
  if (options.release_freed_memory) release_freed_memory();
  return out;
}

}  // namespace tampon
