// An audio guide's transcript (Pages/Exhibition/Exhibit): browsers draw no captions for audio, so the line being read
// is marked in the transcript under the player, from the captions track's cue changes, and kept in view inside the
// transcript without moving the page. Each line becomes a button that plays the guide from that line.
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
      if (current) current.button.removeAttribute('aria-current');
      current = reading;
      if (!current) return;
      current.button.setAttribute('aria-current', 'true');
      keepInView(list, current.button);
    };
    track.addEventListener('cuechange', mark);
    audio.addEventListener('seeked', mark);

    list.classList.add('following');
    const hint = list.parentElement.querySelector('.follow-hint');
    if (hint) hint.hidden = false;
  }

  // Scrolls the transcript box, never the page: a visitor reading elsewhere on the page stays where they are.
  function keepInView(box, line) {
    const top = line.offsetTop;
    const bottom = top + line.offsetHeight;
    if (top >= box.scrollTop && bottom <= box.scrollTop + box.clientHeight) return;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: still.matches ? 'auto' : 'smooth' });
  }
})();
