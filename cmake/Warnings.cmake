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
