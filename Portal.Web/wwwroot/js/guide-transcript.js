// An audio guide's transcript (Pages/Exhibition/Exhibit): browsers draw no captions for audio, so the line being read
// is marked in the transcript under the player, from the captions track's cue changes. Each line becomes a button
// that plays the guide from that line.
(() => {
  'use strict';
  const still = matchMedia('(prefers-reduced-motion: reduce)');

  for (const list of document.querySelectorAll('ol.cues[data-audio]')) {
    const audio = document.getElementById(list.dataset.audio);
    const track = audio && audio.querySelector('track') && audio.querySelector('track').track;
    if (!track) continue;
    // Hidden, not disabled: the browser still loads the cues and tells when they change, and draws nothing itself.
    track.mode = 'hidden';

    const lines = [...list.children].map(li => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cue';
      button.append(...li.childNodes);
      li.append(button);
      const start = parseFloat(li.dataset.start);
      button.addEventListener('click', () => {
        audio.currentTime = start;
        if (audio.paused) audio.play().catch(() => {});
      });
      return { button, start };
    });

    let current = null;
    // The line last begun stays marked through the pause before the next one.
    const mark = () => {
      const active = track.activeCues ? [...track.activeCues] : [];
      const reading = lines.find(l => active.some(c => Math.abs(c.startTime - l.start) < 0.001))
        || lines.filter(l => l.start <= audio.currentTime).pop() || null;
      if (reading === current) return;
      // Only a visitor who is reading along is followed: one who scrolled elsewhere stays where they are.
      const following = onScreen(current ? current.button : list);
      if (current) current.button.removeAttribute('aria-current');
      current = reading;
      if (!current) return;
      current.button.setAttribute('aria-current', 'true');
      if (following) keepInView(current.button);
    };
    track.addEventListener('cuechange', mark);
    audio.addEventListener('seeked', mark);

    list.classList.add('playable');
    const hint = list.parentElement.querySelector('.follow-hint');
    if (hint) hint.hidden = false;
  }

  function onScreen(element) {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  }

  // The page moves only when the line would leave the screen, and then by as little as shows it: never a jump.
  function keepInView(line) {
    const box = line.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= innerHeight) return;
    line.scrollIntoView({ block: 'nearest', behavior: still.matches ? 'auto' : 'smooth' });
  }
})();
