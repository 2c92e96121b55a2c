// The hotel aggregator's inventory behind `search_hotels`: a few hundred properties per city with rates that follow
// the season, served in pages the way hotel search APIs do (a default "recommended" order, or by price or rating).
// Generated from fixed seeds, so the same search always returns the same bytes.
import { seeded } from './seeded-random.ts';

export interface HotelOffer {
  id: string;
  name: string;
  stars: number;
  district: string;
  nightlyRate: number;
  totalRate: number;
  currency: string;
  refundable: boolean;
  breakfastIncluded: boolean;
  reviewScore: number;
  reviewCount: number;
  distanceToCentreKm: number;
  amenities: string[];
}

export type HotelSort = 'recommended' | 'price' | 'rating';

interface Property {
  id: string;
  name: string;
  stars: number;
  district: string;
  /** Nightly rate outside peak dates, in the city's currency. */
  baseRate: number;
  refundable: boolean;
  breakfastIncluded: boolean;
  reviewScore: number;
  reviewCount: number;
  distanceToCentreKm: number;
  amenities: string[];
  /** The aggregator's own ranking (commission, conversion, reviews): what "recommended" sorts by. */
  rank: number;
}

interface CityInventory {
  city: string;
  aliases: string[];
  currency: string;
  /** Rate multipliers for peak nights (check-in date within the window). */
  peaks: { from: string; to: string; factor: number }[];
  districts: string[];
  nameParts: [string[], string[]];
  /** The lowest base rate per star rating. */
  baseRateByStars: Record<number, number>;
  /** Hand-placed properties, kept where the generated order would put their rank. */
  fixed: Omit<Property, 'id' | 'rank'>[];
  fixedRanks: number[];
  count: number;
}

const cities: CityInventory[] = [
  {
    city: 'Zurich', aliases: ['zurich', 'zürich', 'zrh'], currency: 'CHF',
    peaks: [{ from: '2026-12-28', to: '2027-01-01', factor: 1.7 }, { from: '2027-01-18', to: '2027-01-22', factor: 2.4 }],
    districts: ['Altstadt', 'Enge', 'Seefeld', 'Oerlikon', 'Wiedikon', 'Aussersihl', 'Hottingen', 'Riesbach', 'Wipkingen', 'Altstetten'],
    nameParts: [
      ['Alpen', 'See', 'Zürichberg', 'Altstadt', 'Bahnhof', 'Rhein', 'Uto', 'Glärnisch', 'Sihl', 'Niederdorf', 'Opern', 'Kunsthaus', 'Bellevue', 'Enge', 'Oerlikon', 'Wiedikon', 'Hottingen', 'Seefeld', 'Riesbach', 'Hirslanden', 'Wollishofen', 'Dolder', 'Affoltern', 'Lindenhof'],
      ['Hotel', 'Residenz', 'Suites', 'Haus', 'Boutique Hotel', 'Lodge', 'Apartments', 'Inn', 'Palais', 'Garni', 'Gasthof', 'Stay', 'Hof'],
    ],
    baseRateByStars: { 2: 127, 3: 150, 4: 210, 5: 380 },
    fixed: [{ name: 'Hotel Limmatblick', stars: 2, district: 'Wipkingen', baseRate: 126, refundable: true, breakfastIncluded: false, reviewScore: 7.4, reviewCount: 812, distanceToCentreKm: 2.3, amenities: ['Free Wi-Fi', 'Tram stop outside', '24-hour reception'] }],
    fixedRanks: [163],
    count: 312,
  },
  {
    city: 'Singapore', aliases: ['singapore', 'sin'], currency: 'SGD', peaks: [{ from: '2026-12-20', to: '2027-01-02', factor: 1.3 }],
    districts: ['Marina Bay', 'Orchard', 'Tanjong Pagar', 'Bugis', 'Clarke Quay', 'Sentosa', 'Novena', 'Little India'],
    nameParts: [['Marina', 'Orchard', 'Harbour', 'Raffles', 'Garden', 'Quay', 'Temple', 'Peranakan', 'Straits', 'Lion', 'Orchid', 'Bayfront'], ['Hotel', 'Suites', 'Residences', 'Inn', 'Grand', 'House']],
    baseRateByStars: { 2: 120, 3: 170, 4: 260, 5: 450 }, fixed: [], fixedRanks: [], count: 72,
  },
  {
    city: 'Tokyo', aliases: ['tokyo', 'nrt', 'hnd'], currency: 'JPY', peaks: [{ from: '2026-12-28', to: '2027-01-03', factor: 1.5 }],
    districts: ['Shinagawa', 'Shinjuku', 'Ginza', 'Shibuya', 'Asakusa', 'Roppongi', 'Ueno', 'Marunouchi'],
    nameParts: [['Sakura', 'Shinagawa', 'Ginza', 'Sumida', 'Bay', 'Tower', 'Kanda', 'Akasaka', 'Hibiya', 'Asakusa', 'Meguro', 'Ueno'], ['Hotel', 'Inn', 'Stay', 'Residence', 'Grand', 'Court']],
    baseRateByStars: { 2: 11000, 3: 17000, 4: 28000, 5: 52000 }, fixed: [], fixedRanks: [], count: 72,
  },
  {
    city: 'New York', aliases: ['new york', 'nyc', 'manhattan', 'jfk'], currency: 'USD', peaks: [{ from: '2026-12-15', to: '2027-01-02', factor: 1.4 }],
    districts: ['Midtown', 'Hudson Yards', 'Financial District', 'Chelsea', 'SoHo', 'Upper West Side', 'Brooklyn Heights', 'Long Island City'],
    nameParts: [['Hudson', 'Madison', 'Empire', 'Liberty', 'Park', 'Broadway', 'Chelsea', 'Union', 'Harbor', 'Gotham', 'Bowery', 'Lexington'], ['Hotel', 'Suites', 'Inn', 'House', 'Lofts', 'Grand']],
    baseRateByStars: { 2: 160, 3: 220, 4: 320, 5: 590 }, fixed: [], fixedRanks: [], count: 72,
  },
  {
    city: 'Cape Town', aliases: ['cape town', 'cpt'], currency: 'ZAR', peaks: [{ from: '2026-12-15', to: '2027-01-10', factor: 1.5 }],
    districts: ['V&A Waterfront', 'City Bowl', 'Sea Point', 'Camps Bay', 'Green Point', 'Gardens'],
    nameParts: [['Atlantic', 'Table Bay', 'Lion\'s Head', 'Waterfront', 'Protea', 'Fynbos', 'Kloof', 'Signal Hill', 'Bantry', 'Clifton'], ['Hotel', 'Lodge', 'Suites', 'House', 'Retreat', 'Inn']],
    baseRateByStars: { 2: 1100, 3: 1700, 4: 2600, 5: 5200 }, fixed: [], fixedRanks: [], count: 60,
  },
  {
    city: 'Warsaw', aliases: ['warsaw', 'warszawa', 'waw'], currency: 'PLN', peaks: [],
    districts: ['Śródmieście', 'Powiśle', 'Wola', 'Praga', 'Mokotów', 'Żoliborz'],
    nameParts: [['Vistula', 'Chopin', 'Royal', 'Old Town', 'Praga', 'Mazovia', 'Palace', 'Marszałkowska', 'Powiśle', 'Wilanów'], ['Hotel', 'Residence', 'Suites', 'Inn', 'House', 'Aparthotel']],
    baseRateByStars: { 2: 220, 3: 330, 4: 480, 5: 900 }, fixed: [], fixedRanks: [], count: 60,
  },
];

const AMENITIES = ['Free Wi-Fi', 'Fitness centre', 'Restaurant', 'Bar', 'Spa', 'Airport shuttle', 'Business centre', 'Laundry', 'Parking', 'Pool', 'Meeting rooms', '24-hour reception'];

function buildProperties(inventory: CityInventory, cityIndex: number): Property[] {
  const random = seeded(cityIndex * 7919 + 17);
  const [firsts, seconds] = inventory.nameParts;
  const generated: Omit<Property, 'id' | 'rank'>[] = [];
  for (let index = 0; generated.length < inventory.count - inventory.fixed.length; index++) {
    const first = firsts[index % firsts.length] as string;
    const second = seconds[Math.floor(index / firsts.length) % seconds.length] as string;
    const stars = 2 + Math.floor(random() * 4);
    const floor = inventory.baseRateByStars[stars] as number;
    const amenityStart = Math.floor(random() * AMENITIES.length);
    generated.push({
      name: `${first} ${second}`,
      stars,
      district: inventory.districts[Math.floor(random() * inventory.districts.length)] as string,
      baseRate: Math.round(floor * (1 + random() * 0.45)),
      refundable: random() > 0.3,
      breakfastIncluded: random() > 0.5,
      reviewScore: Math.round((6.5 + random() * 3.3) * 10) / 10,
      reviewCount: 40 + Math.floor(random() * 3200),
      distanceToCentreKm: Math.round(random() * 80) / 10,
      amenities: [0, 1, 2].map((offset) => AMENITIES[(amenityStart + offset * 4) % AMENITIES.length] as string),
    });
  }
  const ordered = [...generated];
  inventory.fixed.forEach((property, index) => ordered.splice((inventory.fixedRanks[index] ?? 0) - 1, 0, property));
  return ordered.map((property, index) => ({ ...property, id: `HT-${cityIndex + 1}${String(index + 1).padStart(3, '0')}`, rank: index + 1 }));
}

const propertiesByCity = new Map(cities.map((inventory, index) => [inventory, buildProperties(inventory, index)]));

/** The inventory for a city name or airport code, or `undefined` when the aggregator has none. */
export function hotelCity(name: string): CityInventory | undefined {
  const wanted = name.trim().toLowerCase();
  return cities.find((inventory) => inventory.aliases.includes(wanted));
}

export const HOTEL_PAGE_SIZE = 10;

export interface HotelSearch {
  checkIn: string;
  checkOut: string;
  sortBy: HotelSort;
  page: number;
  maxNightlyRate?: number;
}

/** One page of a city's offers for the dates, as the aggregator answers it. */
export function searchInventory(inventory: CityInventory, search: HotelSearch) {
  const nights = Math.round((Date.parse(search.checkOut) - Date.parse(search.checkIn)) / 86_400_000);
  const peak = inventory.peaks.find((window) => search.checkIn >= window.from && search.checkIn <= window.to);
  const offers: HotelOffer[] = (propertiesByCity.get(inventory) ?? []).map((property) => {
    const nightlyRate = Math.round(property.baseRate * (peak?.factor ?? 1));
    return {
      id: property.id,
      name: property.name,
      stars: property.stars,
      district: property.district,
      nightlyRate,
      totalRate: nightlyRate * nights,
      currency: inventory.currency,
      refundable: property.refundable,
      breakfastIncluded: property.breakfastIncluded,
      reviewScore: property.reviewScore,
      reviewCount: property.reviewCount,
      distanceToCentreKm: property.distanceToCentreKm,
      amenities: property.amenities,
    };
  });
  const filtered = search.maxNightlyRate === undefined ? offers : offers.filter((offer) => offer.nightlyRate <= (search.maxNightlyRate as number));
  const sorted =
    search.sortBy === 'price'
      ? [...filtered].sort((a, b) => a.nightlyRate - b.nightlyRate || a.id.localeCompare(b.id))
      : search.sortBy === 'rating'
        ? [...filtered].sort((a, b) => b.reviewScore - a.reviewScore || a.id.localeCompare(b.id))
        : filtered;
  const pageCount = Math.ceil(sorted.length / HOTEL_PAGE_SIZE);
  const start = (search.page - 1) * HOTEL_PAGE_SIZE;
  return {
    city: inventory.city,
    checkIn: search.checkIn,
    checkOut: search.checkOut,
    nights,
    currency: inventory.currency,
    sortBy: search.sortBy,
    page: search.page,
    pageCount,
    totalResults: sorted.length,
    nextPage: search.page < pageCount ? search.page + 1 : null,
    hotels: sorted.slice(start, start + HOTEL_PAGE_SIZE),
  };
}
