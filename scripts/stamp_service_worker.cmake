# Writes what the site's files determine, at build time, so that no list is kept by hand. Run by
# the `site` target after the site is assembled and minified:
#   cmake -DSITE=build/wasm/site -P scripts/stamp_service_worker.cmake
# 1. kb/manifest.json: every knowledge-base file (kb/*.json) with its SHA-256, the one list the
#    page's worker fetches (web/js/kb.js), and the ages a case may have, from the knowledge base's
#    age bands (the first band's min, the last band's max: the one place the range is written),
#    which the start screen reads before the knowledge base itself has loaded.
# 2. sw.js's ASSETS: every file of the site but sw.js, the service worker's precache list.
# 3. sw.js's VERSION: a hash of every other file of the site, so that any change to the page, the
#    engine or the knowledge base makes a new cache version (a new version replaces the old one
#    whole; an unchanged site keeps its version).

# 1. The knowledge-base manifest.
file(GLOB kb_files RELATIVE "${SITE}/kb" "${SITE}/kb/*.json")
list(REMOVE_ITEM kb_files manifest.json)
list(SORT kb_files)
if(NOT kb_files)
  message(FATAL_ERROR "${SITE}/kb holds no knowledge-base file")
endif()
set(entries "")
foreach(f IN LISTS kb_files)
  file(SHA256 "${SITE}/kb/${f}" hash)
  list(APPEND entries "{\"name\":\"${f}\",\"sha256\":\"${hash}\"}")
endforeach()
list(JOIN entries "," entries)
set(age_min "")
foreach(f IN LISTS kb_files)
  file(READ "${SITE}/kb/${f}" doc)
  string(JSON bands ERROR_VARIABLE no_bands GET "${doc}" model age_bands)
  if(no_bands)
    continue()
  endif()
  string(JSON count LENGTH "${bands}")
  math(EXPR last "${count} - 1")
  string(JSON age_min GET "${bands}" 0 min)
  string(JSON age_max GET "${bands}" ${last} max)
endforeach()
if(age_min STREQUAL "")
  message(FATAL_ERROR "${SITE}/kb: no file has model.age_bands")
endif()
file(WRITE "${SITE}/kb/manifest.json"
     "{\"files\":[${entries}],\"ages\":{\"min\":${age_min},\"max\":${age_max}}}\n")

# 2 and 3. The precache list and the version.
file(GLOB_RECURSE files RELATIVE "${SITE}" "${SITE}/*")
list(REMOVE_ITEM files sw.js)
list(SORT files)
set(all "")
set(assets "'./'")
foreach(f IN LISTS files)
  file(SHA256 "${SITE}/${f}" hash)
  string(APPEND all "${f}:${hash}\n")
  string(APPEND assets ",\n  './${f}'")
endforeach()
string(SHA256 version "${all}")
string(SUBSTRING "${version}" 0 16 version)
file(READ "${SITE}/sw.js" sw)
# Stamping again (a re-deploy of a changed site) replaces the list written before.
string(FIND "${sw}" "const ASSETS = [" at)
if(at EQUAL -1 OR NOT sw MATCHES "const VERSION = '[^']*';")
  message(FATAL_ERROR "${SITE}/sw.js has no lines const VERSION = '...'; and const ASSETS = [...]; to stamp")
endif()
string(SUBSTRING "${sw}" 0 ${at} head)
string(SUBSTRING "${sw}" ${at} -1 tail)
string(FIND "${tail}" "];" end)
math(EXPR end "${end} + 2")
string(SUBSTRING "${tail}" ${end} -1 tail)
string(REGEX REPLACE "const VERSION = '[^']*';" "const VERSION = '${version}';" head "${head}")
file(WRITE "${SITE}/sw.js" "${head}const ASSETS = [\n  ${assets},\n];${tail}")
