// chosa: progressive enhancement of the answering pages. Everything works without it.
// Exclusive options clear the others, "other" text boxes are enabled only when their option is
// chosen. (Showing and hiding follow-up questions on the same page comes with the next slice.)
(function () {
  'use strict';
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function syncOther(option) {
    var box = option.querySelector('input.other');
    var choice = option.querySelector('input[type=radio], input[type=checkbox]');
    if (box && choice) box.disabled = !choice.checked;
  }
  each(document.querySelectorAll('fieldset.question'), function (fs) {
    var inputs = fs.querySelectorAll('.option > input[type=radio], .option > input[type=checkbox]');
    each(inputs, function (input) {
      input.addEventListener('change', function () {
        if (input.type === 'checkbox' && input.checked) {
          var exclusive = input.hasAttribute('data-exclusive');
          each(inputs, function (other) {
            if (other !== input && (exclusive || other.hasAttribute('data-exclusive'))) other.checked = false;
          });
        }
        each(fs.querySelectorAll('.option'), syncOther);
      });
    });
    each(fs.querySelectorAll('.option'), syncOther);
  });
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
