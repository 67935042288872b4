// PDF through headless Chromium (Debian's `chromium`, or $CHOSA_CHROMIUM): the reports and the
// printable diagnosis sheets are HTML laid out for print (@page rules), and Chromium's print
// engine turns them into PDF.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace chosa {

// Prints the HTML file `html_path` to `pdf_path` (written whole or not at all).
Status PrintPdf(const std::string& html_path, const std::string& pdf_path);

// Prints a self-contained HTML document (styles inlined, no network) and returns the PDF bytes.
// The HTML passes through a private temporary directory (0700) that is removed before return,
// so personal data in it does not stay on disk.
Result<std::string> HtmlToPdf(std::string_view html);

}  // namespace chosa
