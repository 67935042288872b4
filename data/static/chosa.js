// chosa: progressive enhancement of the answering pages; everything also works without it.
// - Follow-up questions whose condition depends on answers on the same page are shown or hidden
//   at once (the condition, compiled by the server, is in data-when; see Expression::ToJson;
//   answers on other pages are in the form's data-known).
//   Hidden questions' inputs are disabled, so they are neither submitted nor used by later
//   conditions; the server applies the same rules again.
// - An exclusive option ("特にない") clears the other choices, and choosing another clears it.
// - An "other (specify)" text box is enabled only while its option is chosen.
(function () {
  'use strict';
  var form = document.querySelector('form[action^="/a/"]');
  if (!form) return;
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  var known = JSON.parse(form.getAttribute('data-known') || '{}');  // answers from other pages
  function halfWidth(s) {
    return s.replace(/[０-９．－]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); }).trim();
  }

  // The value of a reference as the page shows it now: null when unanswered or hidden.
  function read(ref) {
    if ('k' in ref) return ref.k in known ? known[ref.k] : null;
    var inputs = form.querySelectorAll('[name="' + ref.q + '"]:not(:disabled)');
    if (ref.t === 'set') {
      var codes = [];
      each(inputs, function (i) { if (i.checked) codes.push(Number(i.value)); });
      return codes.length ? codes : null;
    }
    var value = null;
    each(inputs, function (i) {
      if ((i.type === 'radio' || i.type === 'checkbox') && !i.checked) return;
      if (i.value.trim() !== '') value = i.value;
    });
    if (value === null) return null;
    if (ref.t === 'text') return value.trim();
    var n = Number(halfWidth(value).replace(/,/g, ''));
    return isNaN(n) ? null : n;
  }
  function inRanges(x, ranges) {
    return ranges.some(function (r) { return x >= r[0] && x <= r[1]; });
  }
  function operand(o) {
    if ('n' in o) return o.n;
    if ('s' in o) return o.s;
    if ('count' in o) { var s = read(o.count); return s ? s.length : 0; }
    return read(o);
  }
  function evaluate(e) {
    if ('c' in e) return e.c;
    if ('and' in e) return evaluate(e.and[0]) && evaluate(e.and[1]);
    if ('or' in e) return evaluate(e.or[0]) || evaluate(e.or[1]);
    if ('not' in e) return !evaluate(e.not);
    if ('answered' in e) return read(e.answered) !== null;
    if ('cmp' in e) {
      var a = operand(e.a), b = operand(e.b);
      if (a === null || b === null) return false;
      switch (e.cmp) {
        case '==': return a === b;
        case '!=': return a !== b;
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        default: return a >= b;
      }
    }
    if ('in' in e) { var x = operand(e.in); return x !== null && inRanges(x, e.r) !== e.neg; }
    var set = read(e.any || e.all);
    if (!set) return false;
    if ('any' in e) return set.some(function (c) { return inRanges(c, e.r); });
    return e.r.every(function (r) {
      for (var c = r[0]; c <= r[1]; c++) if (set.indexOf(c) < 0) return false;
      return true;
    });
  }

  function syncOther(option) {
    var box = option.querySelector('input.other');
    var choice = option.querySelector('input[type=radio], input[type=checkbox]');
    if (box && choice) box.disabled = choice.disabled || !choice.checked;
  }
  function update() {
    each(form.querySelectorAll('fieldset.question'), function (fs) {
      var when = fs.getAttribute('data-when');
      if (when) {
        var show = evaluate(JSON.parse(when));
        fs.classList.toggle('hidden', !show);
        fs.hidden = !show;
        each(fs.querySelectorAll('input, select, textarea'), function (i) { i.disabled = !show; });
      }
      each(fs.querySelectorAll('.option'), syncOther);
    });
  }
  each(form.querySelectorAll('fieldset.question'), function (fs) {
    var choices = fs.querySelectorAll('.option > input[type=checkbox]');
    each(choices, function (input) {
      input.addEventListener('change', function () {
        if (!input.checked) return;
        var exclusive = input.hasAttribute('data-exclusive');
        each(choices, function (other) {
          if (other !== input && (exclusive || other.hasAttribute('data-exclusive'))) other.checked = false;
        });
      });
    });
  });
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
