import { imagesNamedInPrompt } from './prompt-image-count';

describe('imagesNamedInPrompt', () => {
  it.each([
    ['Generate 4 seasonal scenes of a lighthouse', 4],
    ['generate four images of a cat', 4],
    ['Create a set of 3 posters for a jazz festival', 3],
    ['Draw twelve variations of the logo', 12],
    ['Make 15 frames of a bouncing ball', 15],
    ['Please give me fifteen photos', 15],
    ['two portraits of the same model, front and side', 2],
    ['A poster portrait 3:4 of a city at night', 1],
    ['Vibrant close-up editorial portrait, Vogue aesthetic', 1],
    ['Generate 40 images', 15],
    ['Generate 0 images', 1],
    ['', 1],
  ])('%j → %i', (prompt, expected) => {
    expect(imagesNamedInPrompt(prompt)).toBe(expected);
  });
});
