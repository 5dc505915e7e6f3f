// Layer fence (engine/CMakeLists.txt): every engine target except symcheck_io has this folder on
// its include path ahead of the system's, so that reaching for nlohmann_json outside engine/io is
// a build error rather than a habit to keep.
#error "nlohmann_json is engine/io's alone: core, api and the faces exchange JSON text through engine/io (see engine/CMakeLists.txt)"
