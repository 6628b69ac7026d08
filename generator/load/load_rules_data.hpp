#pragma once
/// Loading the rules as data: data/baremes.yaml into Baremes and data/smic.yaml into
/// SmicTable, from the project when it has them, else from the shipped defaults
/// (ProjectContext::find). Both files are user-editable, so they get the same positioned
/// findings as records; their format is documented at the top of the shipped files.
#include "load/load_project.hpp"

namespace tampon::load {

void load_baremes(const ProjectContext& project, LoadResult& out);
void load_smic(const ProjectContext& project, LoadResult& out);

}  // namespace tampon::load
