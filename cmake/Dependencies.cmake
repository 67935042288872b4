# Every dependency comes from Debian 12's packages (scripts/setup.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)          # questionnaire files
find_package(nlohmann_json 3.11 REQUIRED)    # JSON table output, codebooks
find_package(SQLite3 REQUIRED)               # embedded storage
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)  # NFKC, CP932, East Asian width
find_package(fmt 9 REQUIRED)                 # formatting (g++ 12 has no std::format)
find_package(CLI11 2 REQUIRED)               # command line
find_package(pugixml 1.13 REQUIRED)          # XML inside .xlsx files
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)   # personal-data encryption
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter>=1.1)  # .xlsx output
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip>=1.7)          # .xlsx input (zip container)
# SPSS .sav output: Debian's libreadstat-dev has no pkg-config file.
find_path(READSTAT_INCLUDE_DIR readstat.h REQUIRED)
find_library(READSTAT_LIBRARY readstat REQUIRED)
add_library(ReadStat::readstat UNKNOWN IMPORTED)
set_target_properties(ReadStat::readstat PROPERTIES IMPORTED_LOCATION "${READSTAT_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${READSTAT_INCLUDE_DIR}")
if(CHOSA_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(Threads REQUIRED)
  include(GoogleTest)
endif()
