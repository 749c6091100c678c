/** Top-level categories of Apple Podcasts (the names Apple expects in itunes:category). */
export const APPLE_CATEGORIES = [
  'Arts', 'Business', 'Comedy', 'Education', 'Fiction', 'Government', 'History', 'Health & Fitness', 'Kids & Family',
  'Leisure', 'Music', 'News', 'Religion & Spirituality', 'Science', 'Society & Culture', 'Sports', 'Technology',
  'True Crime', 'TV & Film',
] as const
