# Stamps the service worker with a hash of every other file of the site, so that any change to the
# page, the engine or the knowledge base makes a new cache version (a new version replaces the old
# one whole; an unchanged site keeps its version). Run by the `site` target:
#   cmake -DSITE=build/wasm/site -P scripts/stamp_service_worker.cmake
file(GLOB_RECURSE files RELATIVE "${SITE}" "${SITE}/*")
list(REMOVE_ITEM files sw.js)
list(SORT files)
set(all "")
foreach(f IN LISTS files)
  file(SHA256 "${SITE}/${f}" hash)
  string(APPEND all "${f}:${hash}\n")
endforeach()
string(SHA256 version "${all}")
string(SUBSTRING "${version}" 0 16 version)
file(READ "${SITE}/sw.js" sw)
string(REGEX REPLACE "const VERSION = '[^']*';" "const VERSION = '${version}';" stamped "${sw}")
if(stamped STREQUAL sw AND NOT sw MATCHES "const VERSION = '${version}';")
  message(FATAL_ERROR "${SITE}/sw.js has no line const VERSION = '...'; to stamp")
endif()
file(WRITE "${SITE}/sw.js" "${stamped}")
