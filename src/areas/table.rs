//! The postcode table: every GB postcode and its police area, built by `data/build.py`
//! from OS Code-Point Open (live postcodes) and the ONS postcode directory (postcodes
//! that are not live: terminated, or newer than Code-Point Open); format described
//! there. About 1.5 MB. Lookups never allocate: a district is found by hashing its
//! outward code, a postcode's area by a bit in its sector and, for the few postcodes
//! whose area differs from the sector's, a search of that sector's own short list.

use super::postcode::{Outward, Postcode};
use rustc_hash::FxHashMap;

/// Index of an area in the table: 0..43 are the police areas of England and Wales in
/// code order; the last is Scotland.
pub type AreaIndex = u8;

/// The letters a unit can have: never C, I, K, M, O or V.
const UNIT_LETTERS: &[u8; 20] = b"ABDEFGHJLNPQRSTUWXYZ";
const UNITS: usize = 400; // 20 × 20
const UNIT_BYTES: usize = UNITS / 8;

/// A unit as parsed (26 × letter + letter) to the table's numbering (20 × … + …),
/// or `None` if it has a letter no postcode unit uses.
fn table_unit(unit: u16) -> Option<u16> {
    let letter = |l: u16| match LETTER_INDEX.get(usize::from(l)) {
        Some(&i) if i != NO_UNIT => Some(u16::from(i)),
        _ => None,
    };
    Some(letter(unit / 26)? * 20 + letter(unit % 26)?)
}

const NO_UNIT: u8 = u8::MAX;
/// Each letter's place in [`UNIT_LETTERS`], or [`NO_UNIT`].
const LETTER_INDEX: [u8; 26] = {
    let mut index = [NO_UNIT; 26];
    let mut i = 0;
    while i < UNIT_LETTERS.len() {
        index[(UNIT_LETTERS[i] - b'A') as usize] = i as u8;
        i += 1;
    }
    index
};

/// Where a full postcode was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A live postcode and its area.
    Postcode(AreaIndex),
    /// A postcode that is not live in Code-Point Open but is in the ONS directory
    /// (terminated, or newer), and its area.
    NotLive(AreaIndex),
    /// Not a live postcode, but its sector is known.
    InSector(usize),
    /// Neither postcode nor sector is known, but the district is.
    InDistrict(usize),
    /// The district is not in the table at all.
    Nowhere,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the postcode table is damaged: {0}")]
pub struct TableError(&'static str);

pub struct PostcodeTable {
    area_codes: Vec<String>,
    districts: Vec<[u8; 4]>,
    /// Each district's index by its outward code, built at load: one hash and a probe
    /// instead of a dozen steps of binary search on the hot path.
    district_index: FxHashMap<[u8; 4], u32>,
    first_sector: Vec<u32>,
    sector_digit: Vec<u8>,
    sector_majority: Vec<AreaIndex>,
    sector_units: Vec<[u8; UNIT_BYTES]>,
    sector_not_live: Vec<[u8; UNIT_BYTES]>,
    exceptions: Vec<(u32, AreaIndex)>,
    /// Where each sector's exceptions start (sorted by key, so a sector's are together),
    /// one more than there are sectors: most sectors have none, and none is searched.
    first_exception: Vec<u32>,
    sector_shares: Vec<(u32, u8)>,
    district_shares: Vec<(u32, u8)>,
    pool: Vec<(AreaIndex, u32)>,
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TableError> {
        if self.bytes.len() < n {
            return Err(TableError("it ends too soon"));
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, TableError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, TableError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    fn u32(&mut self) -> Result<u32, TableError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn count(&mut self) -> Result<usize, TableError> {
        Ok(self.u32()? as usize)
    }
}

impl PostcodeTable {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TableError> {
        let mut r = Reader { bytes };
        if r.take(4)? != b"RJPC" {
            return Err(TableError("wrong magic number"));
        }
        if r.u16()? != 2 {
            return Err(TableError("unknown version"));
        }
        let n_areas = usize::from(r.u16()?);
        let area_codes = (0..n_areas)
            .map(|_| r.take(9).map(|b| String::from_utf8_lossy(b).into_owned()))
            .collect::<Result<_, _>>()?;
        let n_districts = r.count()?;
        let districts: Vec<[u8; 4]> = (0..n_districts)
            .map(|_| r.take(4).map(|b| b.try_into().expect("4 bytes")))
            .collect::<Result<_, _>>()?;
        let first_sector: Vec<u32> = (0..=n_districts)
            .map(|_| r.u32())
            .collect::<Result<_, _>>()?;
        let n_sectors = *first_sector.last().expect("at least one entry") as usize;
        let mut sector_digit = Vec::with_capacity(n_sectors);
        let mut sector_majority = Vec::with_capacity(n_sectors);
        let mut sector_units = Vec::with_capacity(n_sectors);
        let mut sector_not_live = Vec::with_capacity(n_sectors);
        for _ in 0..n_sectors {
            sector_digit.push(r.u8()?);
            sector_majority.push(r.u8()?);
            sector_units.push(r.take(UNIT_BYTES)?.try_into().expect("unit bytes"));
            sector_not_live.push(r.take(UNIT_BYTES)?.try_into().expect("unit bytes"));
        }
        let n_exceptions = r.count()?;
        let exceptions: Vec<(u32, AreaIndex)> = (0..n_exceptions)
            .map(|_| Ok((r.u32()?, r.u8()?)))
            .collect::<Result<_, TableError>>()?;
        let mut slices = |n: usize| -> Result<Vec<(u32, u8)>, TableError> {
            (0..n).map(|_| Ok((r.u32()?, r.u8()?))).collect()
        };
        let sector_shares = slices(n_sectors)?;
        let district_shares = slices(n_districts)?;
        let n_pool = r.count()?;
        let pool: Vec<(AreaIndex, u32)> = (0..n_pool)
            .map(|_| Ok((r.u8()?, r.u32()?)))
            .collect::<Result<_, TableError>>()?;
        if !r.bytes.is_empty() {
            return Err(TableError("it has bytes left over"));
        }
        let district_index = districts
            .iter()
            .enumerate()
            .map(|(i, d)| (*d, i as u32))
            .collect();
        let first_exception = (0..=n_sectors as u32)
            .map(|sector| exceptions.partition_point(|&(key, _)| key >> 9 < sector) as u32)
            .collect();
        let table = Self {
            area_codes,
            districts,
            district_index,
            first_sector,
            sector_digit,
            sector_majority,
            sector_units,
            sector_not_live,
            exceptions,
            first_exception,
            sector_shares,
            district_shares,
            pool,
        };
        table.check()?;
        Ok(table)
    }

    /// Every index and slice points inside the table, so lookups cannot panic.
    fn check(&self) -> Result<(), TableError> {
        let areas = self.area_codes.len();
        let sorted = |v: &[[u8; 4]]| v.windows(2).all(|w| w[0] < w[1]);
        if !sorted(&self.districts) || !self.exceptions.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(TableError("keys are not sorted"));
        }
        if !self.first_sector.windows(2).all(|w| w[0] <= w[1]) {
            return Err(TableError("sector ranges overlap"));
        }
        let in_pool = |&(start, n): &(u32, u8)| (start as usize + n as usize) <= self.pool.len();
        if !self
            .sector_shares
            .iter()
            .chain(&self.district_shares)
            .all(in_pool)
        {
            return Err(TableError("a share slice is outside the pool"));
        }
        let area_ok = |a: &AreaIndex| usize::from(*a) < areas;
        if !self.sector_majority.iter().all(area_ok)
            || !self.exceptions.iter().all(|(_, a)| area_ok(a))
            || !self.pool.iter().all(|(a, _)| area_ok(a))
        {
            return Err(TableError("an area index is out of range"));
        }
        Ok(())
    }

    /// The ONS codes of the table's areas, in index order (the last is Scotland).
    pub fn area_codes(&self) -> &[String] {
        &self.area_codes
    }

    pub fn district(&self, outward: &Outward) -> Option<usize> {
        self.district_index.get(&outward.key()).map(|&i| i as usize)
    }

    pub fn sector(&self, district: usize, digit: u8) -> Option<usize> {
        let range = self.first_sector[district] as usize..self.first_sector[district + 1] as usize;
        range.clone().find(|&i| self.sector_digit[i] == digit)
    }

    /// The area of a full postcode, or the nearest known part of it.
    pub fn find(&self, postcode: &Postcode) -> Found {
        let Some(district) = self.district(&postcode.outward) else {
            return Found::Nowhere;
        };
        let Some(sector) = self.sector(district, postcode.sector) else {
            return Found::InDistrict(district);
        };
        let Some(unit) = table_unit(postcode.unit) else {
            return Found::InSector(sector);
        };
        let (byte, bit) = (usize::from(unit >> 3), 1 << (unit & 7));
        let live = self.sector_units[sector][byte] & bit != 0;
        if !live && self.sector_not_live[sector][byte] & bit == 0 {
            return Found::InSector(sector);
        }
        let key = (sector as u32) << 9 | u32::from(unit);
        let own = &self.exceptions
            [self.first_exception[sector] as usize..self.first_exception[sector + 1] as usize];
        let area = match own.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => own[i].1,
            Err(_) => self.sector_majority[sector],
        };
        if live {
            Found::Postcode(area)
        } else {
            Found::NotLive(area)
        }
    }

    /// Live postcodes per area in a sector, most first.
    pub fn sector_counts(&self, sector: usize) -> &[(AreaIndex, u32)] {
        self.slice(self.sector_shares[sector])
    }

    /// Live postcodes per area in a district, most first.
    pub fn district_counts(&self, district: usize) -> &[(AreaIndex, u32)] {
        self.slice(self.district_shares[district])
    }

    fn slice(&self, (start, n): (u32, u8)) -> &[(AreaIndex, u32)] {
        &self.pool[start as usize..start as usize + n as usize]
    }

    /// Heap bytes the table holds, for the benchmark report.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        self.area_codes
            .iter()
            .map(|c| c.capacity() + size_of::<String>())
            .sum::<usize>()
            + self.districts.capacity() * 4
            + self.district_index.capacity() * (size_of::<([u8; 4], u32)>() + 1)
            + self.first_exception.capacity() * 4
            + self.first_sector.capacity() * 4
            + self.sector_digit.capacity()
            + self.sector_majority.capacity()
            + (self.sector_units.capacity() + self.sector_not_live.capacity()) * UNIT_BYTES
            + self.exceptions.capacity() * size_of::<(u32, u8)>()
            + (self.sector_shares.capacity() + self.district_shares.capacity())
                * size_of::<(u32, u8)>()
            + self.pool.capacity() * size_of::<(AreaIndex, u32)>()
    }

    /// How many live postcodes the table holds.
    pub fn len(&self) -> usize {
        count_bits(&self.sector_units)
    }

    /// How many postcodes that are not live the table holds.
    pub fn not_live_len(&self) -> usize {
        count_bits(&self.sector_not_live)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn count_bits(bitsets: &[[u8; UNIT_BYTES]]) -> usize {
    bitsets
        .iter()
        .map(|units| units.iter().map(|b| b.count_ones() as usize).sum::<usize>())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_skip_the_six_unused_letters() {
        let unit = |s: &[u8; 2]| u16::from(s[0] - b'A') * 26 + u16::from(s[1] - b'A');
        assert_eq!(table_unit(unit(b"AA")), Some(0));
        assert_eq!(table_unit(unit(b"AB")), Some(1));
        assert_eq!(table_unit(unit(b"AD")), Some(2));
        assert_eq!(table_unit(unit(b"ZZ")), Some(399));
        for bad in [b"AC", b"IA", b"KZ", b"AM", b"OA", b"AV"] {
            assert_eq!(table_unit(unit(bad)), None);
        }
    }
}
