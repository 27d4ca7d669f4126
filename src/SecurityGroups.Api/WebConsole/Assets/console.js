// The console works without this script; it only submits a switch as soon as its choice changes.
for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  const select = form.querySelector('select');
  const button = form.querySelector('button[type="submit"]');
  if (select && button) {
    button.classList.add('sr');
    select.addEventListener('change', () => form.requestSubmit());
  }
}

// A file picker fills the text box named by data-fill (the import reads the box; no upload needed).
for (const picker of document.querySelectorAll('input[type="file"][data-fill]')) {
  picker.addEventListener('change', async () => {
    const target = document.getElementById(picker.dataset.fill);
    if (picker.files.length > 0 && target) target.value = await picker.files[0].text();
  });
}
