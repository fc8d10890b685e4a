package store

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // photos come as PNG too

	"golang.org/x/image/draw"

	"companion/model"
)

// preparePhoto turns the file a person chose into the photo kept: a JPEG
// or PNG image, decoded, turned upright as its EXIF orientation says,
// scaled down to model.PhotoSize over white (a PNG's transparency has no
// JPEG form) and encoded as JPEG of model.PhotoQuality. It returns the
// JPEG and its size.
func preparePhoto(data []byte) ([]byte, int, int, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "jpeg" && format != "png") {
		return nil, 0, 0, model.ErrPhotoNotImage
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, 0, 0, model.ErrPhotoNotImage
	}
	if int64(cfg.Width)*int64(cfg.Height) > model.PhotoMaxPixels {
		return nil, 0, 0, model.ErrPhotoTooLarge
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, 0, 0, model.ErrPhotoNotImage
	}
	b := src.Bounds()
	w, h := model.PhotoSize(b.Dx(), b.Dy())
	scaled := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(scaled, scaled.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(scaled, scaled.Bounds(), src, b, draw.Over, nil)
	orientation := 1
	if format == "jpeg" {
		orientation = exifOrientation(data)
	}
	upright := orient(scaled, orientation)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, upright, &jpeg.Options{Quality: model.PhotoQuality}); err != nil {
		return nil, 0, 0, err
	}
	ub := upright.Bounds()
	return out.Bytes(), ub.Dx(), ub.Dy(), nil
}

// orient turns the pixels as the EXIF orientation o asks, so that the
// photo stands as it was taken: 2 mirrors, 3 turns half round, 4 flips
// upside down, 5 transposes, 6 turns a quarter clockwise, 7 transverses,
// 8 turns a quarter counter-clockwise; 1 and anything else leave it.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	// from gives, for a pixel of the result, the source pixel it shows.
	from := map[int]func(x, y int) (int, int){
		2: func(x, y int) (int, int) { return w - 1 - x, y },
		3: func(x, y int) (int, int) { return w - 1 - x, h - 1 - y },
		4: func(x, y int) (int, int) { return x, h - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return y, h - 1 - x },
		7: func(x, y int) (int, int) { return w - 1 - y, h - 1 - x },
		8: func(x, y int) (int, int) { return w - 1 - y, x },
	}[o]
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		row := dst.Pix[y*dst.Stride:]
		for x := 0; x < dw; x++ {
			sx, sy := from(x, y)
			copy(row[4*x:4*x+4], src.Pix[sy*src.Stride+4*sx:])
		}
	}
	return dst
}
