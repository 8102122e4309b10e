package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;

/**
 * Officials with their posts, one pattern per test. Sentences come from the seeds and from DANeS
 * (titles and descriptions of 2021 news, CC BY 4.0, bundled in {@code index-data/}).
 */
class PeopleExtractorTest {

  private static final PeopleExtractor PEOPLE = PeopleExtractor.standard();

  private static List<Person> people(String text) {
    return PEOPLE.extract(text, List.of());
  }

  private static List<String> names(String text) {
    return people(text).stream().map(Person::name).distinct().toList();
  }

  @Test
  void theSeedsOfficialsWithTheirPostsAndTheDistrictsQuanUy() {
    // seed 004: "đồng chí Nguyễn Văn Dũng - Chánh Văn phòng Quận ủy", "đồng chí Bùi Hoàng Phan Phó
    // Bí thư Thường trực Quận ủy"; the bare Quận ủy is Hoàn Kiếm's, the release's district
    PressRelease seed =
        Fixtures.seedReleases().stream()
            .filter(r -> r.id().equals(Fixtures.SEED_004))
            .findFirst()
            .orElseThrow();
    assertThat(seed.people())
        .containsExactly(
            new Person("Nguyễn Văn Dũng", "Chánh Văn phòng", "Quận ủy Hoàn Kiếm"),
            new Person("Bùi Hoàng Phan", "Phó Bí thư Thường trực", "Quận ủy Hoàn Kiếm"));
  }

  @Test
  void noOneInTheOtherSeeds() {
    // bylines (Đình Hiệp, Hiền Thu, Minh Huyền) and place names are no officials
    for (PressRelease r : Fixtures.seedReleases()) {
      if (!r.id().equals(Fixtures.SEED_004)) {
        assertThat(r.people()).as(r.id()).isEmpty();
      }
    }
  }

  @Test
  void aPostAfterTheNameWithItsUnit() {
    // DANeS 785397
    assertThat(
            people(
                "(VNF) - Ngày 2/10, ông Lê Hữu Hoàng, Phó Chủ tịch thường trực UBND tỉnh Khánh Hòa"
                    + " đã ký quyết định ban hành kế hoạch"))
        .containsExactly(
            new Person("Lê Hữu Hoàng", "Phó Chủ tịch Thường trực", "UBND tỉnh Khánh Hòa"));
  }

  @Test
  void aPostBeforeTheName() {
    // DANeS 786975, 786405
    assertThat(people("Chủ tịch Quốc hội Vương Đình Huệ đã gặp Phó Thủ tướng kiêm Bộ trưởng"))
        .containsExactly(new Person("Vương Đình Huệ", "Chủ tịch", "Quốc hội"));
    assertThat(people("Sáng 23/10, Chủ tịch UBND TPHCM Phan Văn Mãi đã tiếp"))
        .containsExactly(new Person("Phan Văn Mãi", "Chủ tịch", "UBND TPHCM"));
  }

  @Test
  void postsJoinedByDashesBelongToOnePerson() {
    // DANeS 788773
    assertThat(
            people(
                "Sáng ngày 02/10/2021, bà Lê Thị Thủy - Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy"
                    + " - Chủ tịch HĐND tỉnh - Trưởng Ban Chỉ đạo phòng, chống dịch"))
        .startsWith(
            new Person("Lê Thị Thủy", "Ủy viên", "Trung ương Đảng"),
            new Person("Lê Thị Thủy", "Bí thư", "Tỉnh ủy"),
            new Person("Lê Thị Thủy", "Chủ tịch", "HĐND tỉnh"));
  }

  @Test
  void postsJoinedByCommasAfterDongChi() {
    // DANeS 786649
    assertThat(
            people(
                "Sáng 23-10, Ban Pháp chế HĐND tỉnh do đồng chí Nguyễn Ngọc Tiến, Uỷ viên Ban"
                    + " Thường vụ, Trưởng ban Nội chính Tỉnh uỷ, Trưởng ban Pháp chế HĐND tỉnh làm"
                    + " trưởng đoàn"))
        .containsExactly(
            new Person("Nguyễn Ngọc Tiến", "Ủy viên", "Ban Thường vụ"),
            new Person("Nguyễn Ngọc Tiến", "Trưởng ban Nội chính", "Tỉnh ủy"),
            new Person("Nguyễn Ngọc Tiến", "Trưởng ban Pháp chế", "HĐND tỉnh"));
  }

  @Test
  void aListIntroducedByCacDongChi() {
    // DANeS 785623
    assertThat(
            people(
                "Tham dự Lễ trao giải có các đồng chí: Võ Trọng Nam, Phó Giám đốc Sở Văn hóa và"
                    + " Thể thao; Lê Tú Lệ, Phó Chủ tịch Liên hiệp Các hội văn học"))
        .extracting(Person::name, Person::post)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Võ Trọng Nam", "Phó Giám đốc"),
            org.assertj.core.groups.Tuple.tuple("Lê Tú Lệ", "Phó Chủ tịch"));
  }

  @Test
  void dongChiAloneNamesAPersonWithoutPost() {
    // DANeS 786451
    assertThat(
            people(
                "Trưởng ban Tổ chức Trung ương Trương Thị Mai dự kỷ niệm 110 năm Ngày sinh đồng"
                    + " chí Lê Đức Thọ"))
        .containsExactly(
            new Person("Trương Thị Mai", "Trưởng ban Tổ chức", "Trung ương"),
            new Person("Lê Đức Thọ", null, null));
  }

  @Test
  void aPlaceNamedAfterAPersonIsNoOne() {
    // DANeS 786882: the road is named after him; the president is a person with his post
    assertThat(
            people(
                "Huyền thoại đường Hồ Chí Minh trên biển - Kỳ 1: Những người viết huyền thoại."
                    + " (VOH) - Chủ tịch Hồ Chí Minh từng nói rằng"))
        .containsExactly(new Person("Hồ Chí Minh", "Chủ tịch", null));
    assertThat(
            people(
                "Video: Bà Rịa Vũng Tàu thực hiện Chỉ thị 15: Vũng Tàu tháo chốt, Bà Rịa tiếp tục"))
        .isEmpty();
  }

  @Test
  void aForeignNameAfterOngOrAPost() {
    // DANeS 786405, 786875
    assertThat(names("Sáng 23/10, Chủ tịch UBND TPHCM Phan Văn Mãi đã tiếp ông Andrew Jeffries,"))
        .containsExactly("Phan Văn Mãi", "Andrew Jeffries");
    assertThat(
            people(
                "Chiều 30/9, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính tiếp Đại sứ Liên hiệp"
                    + " Vương quốc Anh và Bắc Ireland tại Việt Nam Gareth Ward."))
        // "Bắc Ireland" ends the embassy's name: it is no one
        .containsExactly(new Person("Phạm Minh Chính", "Thủ tướng", null));
  }

  @Test
  void aBareCapitalisedRunIsNoOne() {
    // DANeS 785924: a name with no post, no đồng chí, ông or bà
    assertThat(
            names(
                "Học lập trình 6 tháng tại 1 trường Đại học, Nguyễn Minh Thành quyết định bỏ học về"
                    + " làm kinh doanh và dần từng bước trở thành “ông trùm”"))
        .isEmpty();
  }

  @Test
  void namesAreKeptInOneTonePlacementAndCase() {
    assertThat(Person.canonicalName("nguyễn  văn hoà")).isEqualTo("Nguyễn Văn Hòa");
    assertThat(Person.canonicalName("TRẦN THỊ THUỶ")).isEqualTo("Trần Thị Thủy");
    // qu- keeps its tone where it is
    assertThat(Person.canonicalName("Nguyễn Văn Quý")).isEqualTo("Nguyễn Văn Quý");
  }

  @Test
  void aBarePostUnitIsCompletedWithTheReleasesProvince() {
    assertThat(
            PeopleExtractor.complete(
                "Tỉnh ủy", List.of(new District("Yên Bái/Văn Yên", "Huyện Văn Yên"))))
        .isEqualTo("Tỉnh ủy Yên Bái");
    // a Thành ủy is a city's: not completed with a province
    assertThat(
            PeopleExtractor.complete(
                "Thành ủy", List.of(new District("Yên Bái/Văn Yên", "Huyện Văn Yên"))))
        .isEqualTo("Thành ủy");
    // two districts: which Quận ủy is unknown
    assertThat(
            PeopleExtractor.complete(
                "Quận ủy",
                List.of(
                    new District("Hà Nội/Hoàn Kiếm", "Quận Hoàn Kiếm"),
                    new District("Hà Nội/Ba Đình", "Quận Ba Đình"))))
        .isEqualTo("Quận ủy");
  }

  @Test
  void aTextCutShortRightAfterAPostNamesNoOneAndDoesNotFail() {
    // DANeS: a rank, a name, a post; a copy cut short may end on any of its words
    String text =
        "Nằm trong hoạt động thăm hỏi, tặng quà cho các gia đình có người tử vong do nhiễm Covid-19"
            + " trên địa bàn tỉnh, Đại tá Đinh Văn Nơi, Giám đốc Công an tỉnh An Giang vừa đến thăm"
            + " hỏi, động viên";
    assertThat(names(text)).containsExactly("Đinh Văn Nơi");
    assertThat(people(text.substring(0, text.indexOf("Đại tá") + "Đại tá".length()))).isEmpty();
    for (int i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
      String cut = text.substring(0, i);
      // a name cut short is what the cut text says; nothing else is anyone
      assertThat(names(cut)).as(cut).allMatch("Đinh Văn Nơi"::startsWith);
    }
  }
}
