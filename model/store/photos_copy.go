package store

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"companion/model"
	"companion/model/atomicfile"
)

// ExportPhotos copies the photos' files into dir, beside a full export the
// owner asked to carry them (model.PhotosFolderOf), under the names the
// export's rows give them. Only the photos of clients whose consent lets
// them leave the salon (model.Client.PhotosMayLeave) are copied; the rest
// are counted as withheld. The full export itself carries the rows only,
// never an image.
func (s *Store) ExportPhotos(ctx context.Context, dir string) (model.PhotoCopy, error) {
	var sum model.PhotoCopy
	for _, area := range []model.Area{model.AreaBackups, model.AreaHealth} {
		if err := s.allow(area, model.Read); err != nil {
			return sum, err
		}
	}
	from, err := s.PhotosDir()
	if err != nil {
		return sum, err
	}
	photos, err := photosWhere(s.ctx(ctx), "1 = 1")
	if err != nil {
		return sum, err
	}
	var clients []model.Client
	err = s.ctx(ctx).Select("id, last_name, first_name, phone, pd_consent_at, health_consent_at, archived_at").
		Where("id IN (SELECT client_id FROM assessment_photos)").Find(&clients).Error
	if err != nil {
		return sum, err
	}
	may := map[uint]bool{}
	for _, c := range clients {
		may[c.ID] = c.PhotosMayLeave()
	}
	var leave []model.Photo
	for _, p := range photos {
		if may[p.ClientID] {
			leave = append(leave, p)
		} else {
			sum.Withheld++
		}
	}
	copied, missing, err := copyPhotos(ctx, leave, from, dir)
	sum.Copied, sum.Missing = copied, missing
	return sum, err
}

// ImportPhotos copies into the photos folder the files in dir of the
// photos this database lists (after an import of the export that carried
// them); a file already in place is kept, one not in dir is counted as
// missing.
func (s *Store) ImportPhotos(ctx context.Context, dir string) (model.PhotoCopy, error) {
	var sum model.PhotoCopy
	for _, area := range []model.Area{model.AreaBackups, model.AreaHealth} {
		if err := s.allow(area, model.Write); err != nil {
			return sum, err
		}
	}
	to, err := s.PhotosDir()
	if err != nil {
		return sum, err
	}
	photos, err := photosWhere(s.ctx(ctx), "1 = 1")
	if err != nil {
		return sum, err
	}
	sum.Copied, sum.Missing, err = copyPhotos(ctx, photos, dir, to)
	return sum, err
}

// copyPhotos copies the photos' files from the folder from into the folder
// to, each written whole; a file already in to is left as it is. It counts
// the files copied and those missing from from.
func copyPhotos(ctx context.Context, photos []model.Photo, from, to string) (copied, missing int, err error) {
	for _, p := range photos {
		if err := ctx.Err(); err != nil {
			return copied, missing, err
		}
		src, dst := p.Local(from), p.Local(to)
		if src == "" || dst == "" {
			missing++
			continue
		}
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		switch err := copyPhotoFile(src, dst); {
		case errors.Is(err, fs.ErrNotExist):
			missing++
		case err != nil:
			return copied, missing, err
		default:
			copied++
		}
	}
	return copied, missing, nil
}

// copyPhotoFile writes a whole copy of src at dst, making its folder.
func copyPhotoFile(src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(dst, func(w io.Writer) error { _, err := io.Copy(w, f); return err })
}
