// Chapter links seek the episode's player instead of following the #t= link (which works without JS too).
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-seek]')) {
  link.addEventListener('click', (event) => {
    const player = document.getElementById(link.dataset.player ?? '') as HTMLAudioElement | null
    if (!player) return
    event.preventDefault()
    player.currentTime = Number(link.dataset.seek)
    void player.play()
  })
}
