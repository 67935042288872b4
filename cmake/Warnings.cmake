# chosa_options: compile options shared by every chosa target.
add_library(chosa_options INTERFACE)
add_library(chosa::options ALIAS chosa_options)
target_compile_options(chosa_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wno-missing-field-initializers)
if(CHOSA_WERROR)
  target_compile_options(chosa_options INTERFACE -Werror)
endif()
if(CHOSA_SANITIZE)
  target_compile_options(chosa_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(chosa_options INTERFACE -fsanitize=address,undefined)
endif()
if(CHOSA_FUZZ)
  target_compile_options(chosa_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-omit-frame-pointer)
  target_link_options(chosa_options INTERFACE -fsanitize=address,undefined)
endif()

# Helpers shared by test executables (test/support).
add_library(chosa_test_support INTERFACE)
add_library(chosa::test_support ALIAS chosa_test_support)
target_include_directories(chosa_test_support INTERFACE ${PROJECT_SOURCE_DIR}/test)
target_compile_definitions(chosa_test_support INTERFACE CHOSA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
